from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.need import Need
from ...models.need_create import NeedCreate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: NeedCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/needs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Need | Problem | None:
    if response.status_code == 201:
        response_201 = Need.from_dict(response.json())

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
) -> Response[Need | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NeedCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Need | Problem]:
    """Record a need or an offer.

     What a contact of yours (or you, without `contact_id`) is looking for
    (`ask`) or can give (`offer`): a topic, tags and, for an ask that
    expires, the last day it stands. It starts `open`.

    Args:
        idempotency_key (None | str | Unset):
        body (NeedCreate): A new need or offer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Need | Problem]
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
    body: NeedCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Need | Problem | None:
    """Record a need or an offer.

     What a contact of yours (or you, without `contact_id`) is looking for
    (`ask`) or can give (`offer`): a topic, tags and, for an ask that
    expires, the last day it stands. It starts `open`.

    Args:
        idempotency_key (None | str | Unset):
        body (NeedCreate): A new need or offer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Need | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NeedCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Need | Problem]:
    """Record a need or an offer.

     What a contact of yours (or you, without `contact_id`) is looking for
    (`ask`) or can give (`offer`): a topic, tags and, for an ask that
    expires, the last day it stands. It starts `open`.

    Args:
        idempotency_key (None | str | Unset):
        body (NeedCreate): A new need or offer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Need | Problem]
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
    body: NeedCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Need | Problem | None:
    """Record a need or an offer.

     What a contact of yours (or you, without `contact_id`) is looking for
    (`ask`) or can give (`offer`): a topic, tags and, for an ask that
    expires, the last day it stands. It starts `open`.

    Args:
        idempotency_key (None | str | Unset):
        body (NeedCreate): A new need or offer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Need | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
