from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agenda import Agenda
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    days: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["days"] = days

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/agenda",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Agenda | Problem | None:
    if response.status_code == 200:
        response_200 = Agenda.from_dict(response.json())

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
) -> Response[Agenda | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    days: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[Agenda | Problem]:
    """The agenda.

     What needs attention within the window: overdue contacts (ranked by how
    overdue they are relative to their cadence), contacts due, follow-ups,
    birthdays, favors and introductions to follow up, and meetings ahead
    from captured calendars — each with its reason.

    Args:
        days (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Agenda | Problem]
    """

    kwargs = _get_kwargs(
        days=days,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    days: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Agenda | Problem | None:
    """The agenda.

     What needs attention within the window: overdue contacts (ranked by how
    overdue they are relative to their cadence), contacts due, follow-ups,
    birthdays, favors and introductions to follow up, and meetings ahead
    from captured calendars — each with its reason.

    Args:
        days (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Agenda | Problem
    """

    return sync_detailed(
        client=client,
        days=days,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    days: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[Agenda | Problem]:
    """The agenda.

     What needs attention within the window: overdue contacts (ranked by how
    overdue they are relative to their cadence), contacts due, follow-ups,
    birthdays, favors and introductions to follow up, and meetings ahead
    from captured calendars — each with its reason.

    Args:
        days (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Agenda | Problem]
    """

    kwargs = _get_kwargs(
        days=days,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    days: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Agenda | Problem | None:
    """The agenda.

     What needs attention within the window: overdue contacts (ranked by how
    overdue they are relative to their cadence), contacts due, follow-ups,
    birthdays, favors and introductions to follow up, and meetings ahead
    from captured calendars — each with its reason.

    Args:
        days (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Agenda | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            days=days,
            limit=limit,
        )
    ).parsed
