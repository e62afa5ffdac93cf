from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.need import Need
from ...models.need_patch import NeedPatch
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    body: NeedPatch,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/needs/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/merge-patch+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Need | Problem | None:
    if response.status_code == 200:
        response_200 = Need.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: NeedPatch,
    if_match: None | str | Unset = UNSET,
) -> Response[Need | Problem]:
    """Update a need (JSON merge patch).

     Mark it `met` (naming what met it in `met_by`, an introduction,
    interaction or favor of yours) or `dropped`, or `open` again; change its
    topic, tags, description or last day. A need is open again by itself
    when what met it is deleted (or the introduction unmade).

    Args:
        id (UUID):
        if_match (None | str | Unset):
        body (NeedPatch): A JSON merge patch of a need: an absent field is kept; `null` clears
            `description`, `until` and `met_by`. `met_by` goes with `status: met`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Need | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: NeedPatch,
    if_match: None | str | Unset = UNSET,
) -> Need | Problem | None:
    """Update a need (JSON merge patch).

     Mark it `met` (naming what met it in `met_by`, an introduction,
    interaction or favor of yours) or `dropped`, or `open` again; change its
    topic, tags, description or last day. A need is open again by itself
    when what met it is deleted (or the introduction unmade).

    Args:
        id (UUID):
        if_match (None | str | Unset):
        body (NeedPatch): A JSON merge patch of a need: an absent field is kept; `null` clears
            `description`, `until` and `met_by`. `met_by` goes with `status: met`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Need | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: NeedPatch,
    if_match: None | str | Unset = UNSET,
) -> Response[Need | Problem]:
    """Update a need (JSON merge patch).

     Mark it `met` (naming what met it in `met_by`, an introduction,
    interaction or favor of yours) or `dropped`, or `open` again; change its
    topic, tags, description or last day. A need is open again by itself
    when what met it is deleted (or the introduction unmade).

    Args:
        id (UUID):
        if_match (None | str | Unset):
        body (NeedPatch): A JSON merge patch of a need: an absent field is kept; `null` clears
            `description`, `until` and `met_by`. `met_by` goes with `status: met`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Need | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: NeedPatch,
    if_match: None | str | Unset = UNSET,
) -> Need | Problem | None:
    """Update a need (JSON merge patch).

     Mark it `met` (naming what met it in `met_by`, an introduction,
    interaction or favor of yours) or `dropped`, or `open` again; change its
    topic, tags, description or last day. A need is open again by itself
    when what met it is deleted (or the introduction unmade).

    Args:
        id (UUID):
        if_match (None | str | Unset):
        body (NeedPatch): A JSON merge patch of a need: an absent field is kept; `null` clears
            `description`, `until` and `met_by`. `met_by` goes with `status: met`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Need | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
