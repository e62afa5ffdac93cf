from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export import Export
from ...models.import_counts import ImportCounts
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: Export,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/import/archive",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportCounts | Problem | None:
    if response.status_code == 201:
        response_201 = ImportCounts.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ImportCounts | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: Export,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ImportCounts | Problem]:
    """Import an archive into an empty account.

     The document `GET /v1/export` produces, at most 20 MiB. It loads whole or
    not at all: every problem is reported, by its place in the document. A
    contact link that is no URL (`http://[x`, which kith stored as given
    before it checked links) is left out.

    Args:
        idempotency_key (None | str | Unset):
        body (Export): Every record of the account. (An import refuses fields it does not know,
            so the schema says `additionalProperties: false`.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportCounts | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: Export,
    idempotency_key: None | str | Unset = UNSET,
) -> ImportCounts | Problem | None:
    """Import an archive into an empty account.

     The document `GET /v1/export` produces, at most 20 MiB. It loads whole or
    not at all: every problem is reported, by its place in the document. A
    contact link that is no URL (`http://[x`, which kith stored as given
    before it checked links) is left out.

    Args:
        idempotency_key (None | str | Unset):
        body (Export): Every record of the account. (An import refuses fields it does not know,
            so the schema says `additionalProperties: false`.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportCounts | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: Export,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ImportCounts | Problem]:
    """Import an archive into an empty account.

     The document `GET /v1/export` produces, at most 20 MiB. It loads whole or
    not at all: every problem is reported, by its place in the document. A
    contact link that is no URL (`http://[x`, which kith stored as given
    before it checked links) is left out.

    Args:
        idempotency_key (None | str | Unset):
        body (Export): Every record of the account. (An import refuses fields it does not know,
            so the schema says `additionalProperties: false`.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportCounts | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: Export,
    idempotency_key: None | str | Unset = UNSET,
) -> ImportCounts | Problem | None:
    """Import an archive into an empty account.

     The document `GET /v1/export` produces, at most 20 MiB. It loads whole or
    not at all: every problem is reported, by its place in the document. A
    contact link that is no URL (`http://[x`, which kith stored as given
    before it checked links) is left out.

    Args:
        idempotency_key (None | str | Unset):
        body (Export): Every record of the account. (An import refuses fields it does not know,
            so the schema says `additionalProperties: false`.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportCounts | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
