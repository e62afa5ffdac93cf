from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.introduction import Introduction
from ...models.match_introduce import MatchIntroduce
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: MatchIntroduce,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/network/matches/introduce",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Introduction | Problem | None:
    if response.status_code == 201:
        response_201 = Introduction.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[Introduction | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MatchIntroduce,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Introduction | Problem]:
    """Introduce an asker to an offerer.

     Proposes the introduction (you introduce the ask's contact to the
    offer's) and links both needs to it; when the introduction is made
    (`PATCH /v1/introductions/{id}` with `status: made`), both needs are
    `met` by it. Both needs must be open, of two different contacts outside
    the trash, and not yet linked to an introduction (`409`
    `already_introduced`).

    Args:
        idempotency_key (None | str | Unset):
        body (MatchIntroduce): Propose the introduction that meets an ask with an offer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Introduction | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: MatchIntroduce,
    idempotency_key: None | str | Unset = UNSET,
) -> Introduction | Problem | None:
    """Introduce an asker to an offerer.

     Proposes the introduction (you introduce the ask's contact to the
    offer's) and links both needs to it; when the introduction is made
    (`PATCH /v1/introductions/{id}` with `status: made`), both needs are
    `met` by it. Both needs must be open, of two different contacts outside
    the trash, and not yet linked to an introduction (`409`
    `already_introduced`).

    Args:
        idempotency_key (None | str | Unset):
        body (MatchIntroduce): Propose the introduction that meets an ask with an offer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Introduction | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MatchIntroduce,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Introduction | Problem]:
    """Introduce an asker to an offerer.

     Proposes the introduction (you introduce the ask's contact to the
    offer's) and links both needs to it; when the introduction is made
    (`PATCH /v1/introductions/{id}` with `status: made`), both needs are
    `met` by it. Both needs must be open, of two different contacts outside
    the trash, and not yet linked to an introduction (`409`
    `already_introduced`).

    Args:
        idempotency_key (None | str | Unset):
        body (MatchIntroduce): Propose the introduction that meets an ask with an offer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Introduction | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MatchIntroduce,
    idempotency_key: None | str | Unset = UNSET,
) -> Introduction | Problem | None:
    """Introduce an asker to an offerer.

     Proposes the introduction (you introduce the ask's contact to the
    offer's) and links both needs to it; when the introduction is made
    (`PATCH /v1/introductions/{id}` with `status: made`), both needs are
    `met` by it. Both needs must be open, of two different contacts outside
    the trash, and not yet linked to an introduction (`409`
    `already_introduced`).

    Args:
        idempotency_key (None | str | Unset):
        body (MatchIntroduce): Propose the introduction that meets an ask with an offer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Introduction | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
