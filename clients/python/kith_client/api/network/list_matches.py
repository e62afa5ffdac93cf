from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.matches import Matches
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    need_id: str | Unset = UNSET,
    offers_mine: bool | Unset = UNSET,
    asks_mine: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["need_id"] = need_id

    params["offers_mine"] = offers_mine

    params["asks_mine"] = asks_mine

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/network/matches",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Matches | Problem | None:
    if response.status_code == 200:
        response_200 = Matches.from_dict(response.json())

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
) -> Response[Matches | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    need_id: str | Unset = UNSET,
    offers_mine: bool | Unset = UNSET,
    asks_mine: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[Matches | Problem]:
    """Asks that offers can meet.

     Pairs an open ask (a contact's or yours) with an open offer of someone
    else by the tags and topic words they share (ignoring case and accents;
    `mentors` and `mentoring` are one word), scored by how much they share,
    how close both people are to you and how long the ask has waited, best
    first. Needs past their `until` and of contacts in the trash are left
    out, and so are pairs of contacts who already know each other (related,
    or people of one introduction). Act on one with
    `POST /v1/network/matches/introduce`.

    Args:
        need_id (str | Unset):
        offers_mine (bool | Unset):
        asks_mine (bool | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Matches | Problem]
    """

    kwargs = _get_kwargs(
        need_id=need_id,
        offers_mine=offers_mine,
        asks_mine=asks_mine,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    need_id: str | Unset = UNSET,
    offers_mine: bool | Unset = UNSET,
    asks_mine: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Matches | Problem | None:
    """Asks that offers can meet.

     Pairs an open ask (a contact's or yours) with an open offer of someone
    else by the tags and topic words they share (ignoring case and accents;
    `mentors` and `mentoring` are one word), scored by how much they share,
    how close both people are to you and how long the ask has waited, best
    first. Needs past their `until` and of contacts in the trash are left
    out, and so are pairs of contacts who already know each other (related,
    or people of one introduction). Act on one with
    `POST /v1/network/matches/introduce`.

    Args:
        need_id (str | Unset):
        offers_mine (bool | Unset):
        asks_mine (bool | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Matches | Problem
    """

    return sync_detailed(
        client=client,
        need_id=need_id,
        offers_mine=offers_mine,
        asks_mine=asks_mine,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    need_id: str | Unset = UNSET,
    offers_mine: bool | Unset = UNSET,
    asks_mine: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[Matches | Problem]:
    """Asks that offers can meet.

     Pairs an open ask (a contact's or yours) with an open offer of someone
    else by the tags and topic words they share (ignoring case and accents;
    `mentors` and `mentoring` are one word), scored by how much they share,
    how close both people are to you and how long the ask has waited, best
    first. Needs past their `until` and of contacts in the trash are left
    out, and so are pairs of contacts who already know each other (related,
    or people of one introduction). Act on one with
    `POST /v1/network/matches/introduce`.

    Args:
        need_id (str | Unset):
        offers_mine (bool | Unset):
        asks_mine (bool | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Matches | Problem]
    """

    kwargs = _get_kwargs(
        need_id=need_id,
        offers_mine=offers_mine,
        asks_mine=asks_mine,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    need_id: str | Unset = UNSET,
    offers_mine: bool | Unset = UNSET,
    asks_mine: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Matches | Problem | None:
    """Asks that offers can meet.

     Pairs an open ask (a contact's or yours) with an open offer of someone
    else by the tags and topic words they share (ignoring case and accents;
    `mentors` and `mentoring` are one word), scored by how much they share,
    how close both people are to you and how long the ask has waited, best
    first. Needs past their `until` and of contacts in the trash are left
    out, and so are pairs of contacts who already know each other (related,
    or people of one introduction). Act on one with
    `POST /v1/network/matches/introduce`.

    Args:
        need_id (str | Unset):
        offers_mine (bool | Unset):
        asks_mine (bool | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Matches | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            need_id=need_id,
            offers_mine=offers_mine,
            asks_mine=asks_mine,
            limit=limit,
        )
    ).parsed
