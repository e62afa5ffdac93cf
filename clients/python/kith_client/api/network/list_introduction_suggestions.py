from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.introduction_suggestions import IntroductionSuggestions
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    contact_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_contact_id: str | Unset = UNSET
    if not isinstance(contact_id, Unset):
        json_contact_id = str(contact_id)
    params["contact_id"] = json_contact_id

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/network/suggestions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IntroductionSuggestions | Problem | None:
    if response.status_code == 200:
        response_200 = IntroductionSuggestions.from_dict(response.json())

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
) -> Response[IntroductionSuggestions | Problem]:
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
    limit: int | Unset = UNSET,
) -> Response[IntroductionSuggestions | Problem]:
    """Who should meet whom.

     Pairs of contacts you know well (closeness 3 or more; the 2,000 closest)
    who are not related and were never in one introduction, with what they
    have in common: tags, company, location, and contacts both are close to
    (relationship strength 3 or more). A tag, company or place more than 200
    of them share is not counted. Scored and explained, best first; pairs
    you dismissed never come back.

    Args:
        contact_id (UUID | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntroductionSuggestions | Problem]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    contact_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> IntroductionSuggestions | Problem | None:
    """Who should meet whom.

     Pairs of contacts you know well (closeness 3 or more; the 2,000 closest)
    who are not related and were never in one introduction, with what they
    have in common: tags, company, location, and contacts both are close to
    (relationship strength 3 or more). A tag, company or place more than 200
    of them share is not counted. Scored and explained, best first; pairs
    you dismissed never come back.

    Args:
        contact_id (UUID | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntroductionSuggestions | Problem
    """

    return sync_detailed(
        client=client,
        contact_id=contact_id,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    contact_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[IntroductionSuggestions | Problem]:
    """Who should meet whom.

     Pairs of contacts you know well (closeness 3 or more; the 2,000 closest)
    who are not related and were never in one introduction, with what they
    have in common: tags, company, location, and contacts both are close to
    (relationship strength 3 or more). A tag, company or place more than 200
    of them share is not counted. Scored and explained, best first; pairs
    you dismissed never come back.

    Args:
        contact_id (UUID | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntroductionSuggestions | Problem]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    contact_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> IntroductionSuggestions | Problem | None:
    """Who should meet whom.

     Pairs of contacts you know well (closeness 3 or more; the 2,000 closest)
    who are not related and were never in one introduction, with what they
    have in common: tags, company, location, and contacts both are close to
    (relationship strength 3 or more). A tag, company or place more than 200
    of them share is not counted. Scored and explained, best first; pairs
    you dismissed never come back.

    Args:
        contact_id (UUID | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntroductionSuggestions | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            contact_id=contact_id,
            limit=limit,
        )
    ).parsed
