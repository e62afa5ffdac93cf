from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.balance_page import BalancePage
from ...models.list_balances_owing import ListBalancesOwing
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    owing: ListBalancesOwing | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_owing: str | Unset = UNSET
    if not isinstance(owing, Unset):
        json_owing = owing.value

    params["owing"] = json_owing

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/ledger/balances",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BalancePage | Problem | None:
    if response.status_code == 200:
        response_200 = BalancePage.from_dict(response.json())

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
) -> Response[BalancePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    owing: ListBalancesOwing | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[BalancePage | Problem]:
    """Balances per contact.

     `owing=them`: whom you owe, most first; `owing=me`: who owes you, most
    first; without: everyone with an entry, lowest balance first.

    Args:
        owing (ListBalancesOwing | Unset): Whose debt a balance list shows.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BalancePage | Problem]
    """

    kwargs = _get_kwargs(
        owing=owing,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    owing: ListBalancesOwing | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> BalancePage | Problem | None:
    """Balances per contact.

     `owing=them`: whom you owe, most first; `owing=me`: who owes you, most
    first; without: everyone with an entry, lowest balance first.

    Args:
        owing (ListBalancesOwing | Unset): Whose debt a balance list shows.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BalancePage | Problem
    """

    return sync_detailed(
        client=client,
        owing=owing,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    owing: ListBalancesOwing | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[BalancePage | Problem]:
    """Balances per contact.

     `owing=them`: whom you owe, most first; `owing=me`: who owes you, most
    first; without: everyone with an entry, lowest balance first.

    Args:
        owing (ListBalancesOwing | Unset): Whose debt a balance list shows.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BalancePage | Problem]
    """

    kwargs = _get_kwargs(
        owing=owing,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    owing: ListBalancesOwing | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> BalancePage | Problem | None:
    """Balances per contact.

     `owing=them`: whom you owe, most first; `owing=me`: who owes you, most
    first; without: everyone with an entry, lowest balance first.

    Args:
        owing (ListBalancesOwing | Unset): Whose debt a balance list shows.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BalancePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            owing=owing,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
