from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.reach import Reach
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    company: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["company"] = company

    params["tag"] = tag

    params["q"] = q

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/network/reach",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Reach | None:
    if response.status_code == 200:
        response_200 = Reach.from_dict(response.json())

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
) -> Response[Problem | Reach]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    company: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[Problem | Reach]:
    """Who can introduce me?

     Targets are your contacts matching every filter given (at least one of
    `company`, `tag`, `q`). Each comes with its best path — `direct` when your
    closeness is 3 or more, else `via` the contact related to them that
    maximises closeness × strength / 5 — best score first, ties by name.
    Targets with no path are left out.

    Args:
        company (str | Unset):
        tag (str | Unset):
        q (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Reach]
    """

    kwargs = _get_kwargs(
        company=company,
        tag=tag,
        q=q,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    company: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Problem | Reach | None:
    """Who can introduce me?

     Targets are your contacts matching every filter given (at least one of
    `company`, `tag`, `q`). Each comes with its best path — `direct` when your
    closeness is 3 or more, else `via` the contact related to them that
    maximises closeness × strength / 5 — best score first, ties by name.
    Targets with no path are left out.

    Args:
        company (str | Unset):
        tag (str | Unset):
        q (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Reach
    """

    return sync_detailed(
        client=client,
        company=company,
        tag=tag,
        q=q,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    company: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[Problem | Reach]:
    """Who can introduce me?

     Targets are your contacts matching every filter given (at least one of
    `company`, `tag`, `q`). Each comes with its best path — `direct` when your
    closeness is 3 or more, else `via` the contact related to them that
    maximises closeness × strength / 5 — best score first, ties by name.
    Targets with no path are left out.

    Args:
        company (str | Unset):
        tag (str | Unset):
        q (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Reach]
    """

    kwargs = _get_kwargs(
        company=company,
        tag=tag,
        q=q,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    company: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Problem | Reach | None:
    """Who can introduce me?

     Targets are your contacts matching every filter given (at least one of
    `company`, `tag`, `q`). Each comes with its best path — `direct` when your
    closeness is 3 or more, else `via` the contact related to them that
    maximises closeness × strength / 5 — best score first, ties by name.
    Targets with no path are left out.

    Args:
        company (str | Unset):
        tag (str | Unset):
        q (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Reach
    """

    return (
        await asyncio_detailed(
            client=client,
            company=company,
            tag=tag,
            q=q,
            limit=limit,
        )
    ).parsed
