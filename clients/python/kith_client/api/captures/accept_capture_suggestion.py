from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.accepted import Accepted
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    email: str,
    *,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/captures/suggestions/{email}/accept".format(
            email=quote(str(email), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Accepted | Problem | None:
    if response.status_code == 201:
        response_201 = Accepted.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
) -> Response[Accepted | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    email: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Accepted | Problem]:
    """Make this address a contact.

     Creates a contact with the address and the name the headers last gave
    it, and logs what was already captured with it: each message or past
    event becomes an interaction with the new contact (one already logged
    with other contacts gains it; counted as `duplicates`). The answer's
    capture (`kind` `suggestion`) can be undone like any other; the contact
    stays. `404` for an address no capture has seen; `409` when a contact
    already has it.

    Args:
        email (str):
        idempotency_key (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Accepted | Problem]
    """

    kwargs = _get_kwargs(
        email=email,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    email: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> Accepted | Problem | None:
    """Make this address a contact.

     Creates a contact with the address and the name the headers last gave
    it, and logs what was already captured with it: each message or past
    event becomes an interaction with the new contact (one already logged
    with other contacts gains it; counted as `duplicates`). The answer's
    capture (`kind` `suggestion`) can be undone like any other; the contact
    stays. `404` for an address no capture has seen; `409` when a contact
    already has it.

    Args:
        email (str):
        idempotency_key (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Accepted | Problem
    """

    return sync_detailed(
        email=email,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    email: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Accepted | Problem]:
    """Make this address a contact.

     Creates a contact with the address and the name the headers last gave
    it, and logs what was already captured with it: each message or past
    event becomes an interaction with the new contact (one already logged
    with other contacts gains it; counted as `duplicates`). The answer's
    capture (`kind` `suggestion`) can be undone like any other; the contact
    stays. `404` for an address no capture has seen; `409` when a contact
    already has it.

    Args:
        email (str):
        idempotency_key (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Accepted | Problem]
    """

    kwargs = _get_kwargs(
        email=email,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    email: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> Accepted | Problem | None:
    """Make this address a contact.

     Creates a contact with the address and the name the headers last gave
    it, and logs what was already captured with it: each message or past
    event becomes an interaction with the new contact (one already logged
    with other contacts gains it; counted as `duplicates`). The answer's
    capture (`kind` `suggestion`) can be undone like any other; the contact
    stays. `404` for an address no capture has seen; `409` when a contact
    already has it.

    Args:
        email (str):
        idempotency_key (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Accepted | Problem
    """

    return (
        await asyncio_detailed(
            email=email,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
