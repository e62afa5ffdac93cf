from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_needs_kind import ListNeedsKind
from ...models.list_needs_status import ListNeedsStatus
from ...models.need_page import NeedPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    contact_id: UUID | Unset = UNSET,
    mine: bool | Unset = UNSET,
    kind: ListNeedsKind | Unset = UNSET,
    status: ListNeedsStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_contact_id: str | Unset = UNSET
    if not isinstance(contact_id, Unset):
        json_contact_id = str(contact_id)
    params["contact_id"] = json_contact_id

    params["mine"] = mine

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["tag"] = tag

    params["q"] = q

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/needs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NeedPage | Problem | None:
    if response.status_code == 200:
        response_200 = NeedPage.from_dict(response.json())

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
) -> Response[NeedPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    contact_id: UUID | Unset = UNSET,
    mine: bool | Unset = UNSET,
    kind: ListNeedsKind | Unset = UNSET,
    status: ListNeedsStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[NeedPage | Problem]:
    """List needs and offers.

     Newest first; every filter narrows.

    Args:
        contact_id (UUID | Unset):
        mine (bool | Unset):
        kind (ListNeedsKind | Unset): `ask`: someone needs something; `offer`: someone can give
            it.
        status (ListNeedsStatus | Unset): `open` until `met` (it was answered) or `dropped`.
        tag (str | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NeedPage | Problem]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        mine=mine,
        kind=kind,
        status=status,
        tag=tag,
        q=q,
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
    contact_id: UUID | Unset = UNSET,
    mine: bool | Unset = UNSET,
    kind: ListNeedsKind | Unset = UNSET,
    status: ListNeedsStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> NeedPage | Problem | None:
    """List needs and offers.

     Newest first; every filter narrows.

    Args:
        contact_id (UUID | Unset):
        mine (bool | Unset):
        kind (ListNeedsKind | Unset): `ask`: someone needs something; `offer`: someone can give
            it.
        status (ListNeedsStatus | Unset): `open` until `met` (it was answered) or `dropped`.
        tag (str | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NeedPage | Problem
    """

    return sync_detailed(
        client=client,
        contact_id=contact_id,
        mine=mine,
        kind=kind,
        status=status,
        tag=tag,
        q=q,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    contact_id: UUID | Unset = UNSET,
    mine: bool | Unset = UNSET,
    kind: ListNeedsKind | Unset = UNSET,
    status: ListNeedsStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[NeedPage | Problem]:
    """List needs and offers.

     Newest first; every filter narrows.

    Args:
        contact_id (UUID | Unset):
        mine (bool | Unset):
        kind (ListNeedsKind | Unset): `ask`: someone needs something; `offer`: someone can give
            it.
        status (ListNeedsStatus | Unset): `open` until `met` (it was answered) or `dropped`.
        tag (str | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NeedPage | Problem]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        mine=mine,
        kind=kind,
        status=status,
        tag=tag,
        q=q,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    contact_id: UUID | Unset = UNSET,
    mine: bool | Unset = UNSET,
    kind: ListNeedsKind | Unset = UNSET,
    status: ListNeedsStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> NeedPage | Problem | None:
    """List needs and offers.

     Newest first; every filter narrows.

    Args:
        contact_id (UUID | Unset):
        mine (bool | Unset):
        kind (ListNeedsKind | Unset): `ask`: someone needs something; `offer`: someone can give
            it.
        status (ListNeedsStatus | Unset): `open` until `met` (it was answered) or `dropped`.
        tag (str | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NeedPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            contact_id=contact_id,
            mine=mine,
            kind=kind,
            status=status,
            tag=tag,
            q=q,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
