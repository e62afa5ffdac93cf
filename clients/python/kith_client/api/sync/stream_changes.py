from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    since: int | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id

    params: dict[str, Any] = {}

    params["since"] = since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/changes/stream",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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
) -> Response[Problem | str]:
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
    last_event_id: None | str | Unset = UNSET,
) -> Response[Problem | str]:
    """Stream the change feed (Server-Sent Events).

     The changes after `since` (or the `Last-Event-ID` a reconnecting
    `EventSource` sends), then each new one as it lands: an event `change`
    whose `id` is the change's `seq` and whose `data` is the change as
    `GET /v1/changes` writes it. A comment every 15 s keeps a quiet stream
    open. At most 5 open streams per account (`429`); streams end when the
    server stops (reconnect with `Last-Event-ID`).

    Args:
        since (int | Unset):
        last_event_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        since=since,
        last_event_id=last_event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    since: int | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,
) -> Problem | str | None:
    """Stream the change feed (Server-Sent Events).

     The changes after `since` (or the `Last-Event-ID` a reconnecting
    `EventSource` sends), then each new one as it lands: an event `change`
    whose `id` is the change's `seq` and whose `data` is the change as
    `GET /v1/changes` writes it. A comment every 15 s keeps a quiet stream
    open. At most 5 open streams per account (`429`); streams end when the
    server stops (reconnect with `Last-Event-ID`).

    Args:
        since (int | Unset):
        last_event_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        since=since,
        last_event_id=last_event_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    since: int | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,
) -> Response[Problem | str]:
    """Stream the change feed (Server-Sent Events).

     The changes after `since` (or the `Last-Event-ID` a reconnecting
    `EventSource` sends), then each new one as it lands: an event `change`
    whose `id` is the change's `seq` and whose `data` is the change as
    `GET /v1/changes` writes it. A comment every 15 s keeps a quiet stream
    open. At most 5 open streams per account (`429`); streams end when the
    server stops (reconnect with `Last-Event-ID`).

    Args:
        since (int | Unset):
        last_event_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        since=since,
        last_event_id=last_event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    since: int | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,
) -> Problem | str | None:
    """Stream the change feed (Server-Sent Events).

     The changes after `since` (or the `Last-Event-ID` a reconnecting
    `EventSource` sends), then each new one as it lands: an event `change`
    whose `id` is the change's `seq` and whose `data` is the change as
    `GET /v1/changes` writes it. A comment every 15 s keeps a quiet stream
    open. At most 5 open streams per account (`429`); streams end when the
    server stops (reconnect with `Last-Event-ID`).

    Args:
        since (int | Unset):
        last_event_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            since=since,
            last_event_id=last_event_id,
        )
    ).parsed
