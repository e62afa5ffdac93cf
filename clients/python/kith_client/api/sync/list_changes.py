from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.change_page import ChangePage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    since: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    wait: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["since"] = since

    params["limit"] = limit

    params["wait"] = wait

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/changes",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChangePage | Problem | None:
    if response.status_code == 200:
        response_200 = ChangePage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[ChangePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    since: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    wait: int | Unset = UNSET,
) -> Response[ChangePage | Problem]:
    """Read the change feed.

     Every create, update and delete of the user's data after `since`, in
    order. Trashing a contact is a `delete`; restoring it, an `upsert`. With
    `wait`, an empty answer waits for the next change (a long poll; a write
    through any server on the same database ends the wait within about
    50 ms).

    Args:
        since (int | Unset):
        limit (int | Unset):
        wait (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePage | Problem]
    """

    kwargs = _get_kwargs(
        since=since,
        limit=limit,
        wait=wait,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    since: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    wait: int | Unset = UNSET,
) -> ChangePage | Problem | None:
    """Read the change feed.

     Every create, update and delete of the user's data after `since`, in
    order. Trashing a contact is a `delete`; restoring it, an `upsert`. With
    `wait`, an empty answer waits for the next change (a long poll; a write
    through any server on the same database ends the wait within about
    50 ms).

    Args:
        since (int | Unset):
        limit (int | Unset):
        wait (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePage | Problem
    """

    return sync_detailed(
        client=client,
        since=since,
        limit=limit,
        wait=wait,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    since: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    wait: int | Unset = UNSET,
) -> Response[ChangePage | Problem]:
    """Read the change feed.

     Every create, update and delete of the user's data after `since`, in
    order. Trashing a contact is a `delete`; restoring it, an `upsert`. With
    `wait`, an empty answer waits for the next change (a long poll; a write
    through any server on the same database ends the wait within about
    50 ms).

    Args:
        since (int | Unset):
        limit (int | Unset):
        wait (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePage | Problem]
    """

    kwargs = _get_kwargs(
        since=since,
        limit=limit,
        wait=wait,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    since: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    wait: int | Unset = UNSET,
) -> ChangePage | Problem | None:
    """Read the change feed.

     Every create, update and delete of the user's data after `since`, in
    order. Trashing a contact is a `delete`; restoring it, an `upsert`. With
    `wait`, an empty answer waits for the next change (a long poll; a write
    through any server on the same database ends the wait within about
    50 ms).

    Args:
        since (int | Unset):
        limit (int | Unset):
        wait (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            since=since,
            limit=limit,
            wait=wait,
        )
    ).parsed
