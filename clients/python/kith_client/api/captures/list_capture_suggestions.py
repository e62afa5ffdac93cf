from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.suggestion_list import SuggestionList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    min_count: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["min_count"] = min_count

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/captures/suggestions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SuggestionList | None:
    if response.status_code == 200:
        response_200 = SuggestionList.from_dict(response.json())

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
) -> Response[Problem | SuggestionList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    min_count: int | Unset = UNSET,
) -> Response[Problem | SuggestionList]:
    """People you write with who are not contacts yet.

     Addresses seen in at least `min_count` captured messages that match no
    contact of yours (and are not yours, nor dismissed): the 100 most
    frequent, most frequent first.

    Args:
        min_count (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SuggestionList]
    """

    kwargs = _get_kwargs(
        min_count=min_count,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    min_count: int | Unset = UNSET,
) -> Problem | SuggestionList | None:
    """People you write with who are not contacts yet.

     Addresses seen in at least `min_count` captured messages that match no
    contact of yours (and are not yours, nor dismissed): the 100 most
    frequent, most frequent first.

    Args:
        min_count (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SuggestionList
    """

    return sync_detailed(
        client=client,
        min_count=min_count,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    min_count: int | Unset = UNSET,
) -> Response[Problem | SuggestionList]:
    """People you write with who are not contacts yet.

     Addresses seen in at least `min_count` captured messages that match no
    contact of yours (and are not yours, nor dismissed): the 100 most
    frequent, most frequent first.

    Args:
        min_count (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SuggestionList]
    """

    kwargs = _get_kwargs(
        min_count=min_count,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    min_count: int | Unset = UNSET,
) -> Problem | SuggestionList | None:
    """People you write with who are not contacts yet.

     Addresses seen in at least `min_count` captured messages that match no
    contact of yours (and are not yours, nor dismissed): the 100 most
    frequent, most frequent first.

    Args:
        min_count (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SuggestionList
    """

    return (
        await asyncio_detailed(
            client=client,
            min_count=min_count,
        )
    ).parsed
