from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.introduction_page import IntroductionPage
from ...models.list_introductions_fields_item import ListIntroductionsFieldsItem
from ...models.list_introductions_status import ListIntroductionsStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ListIntroductionsStatus | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    fields: list[ListIntroductionsFieldsItem] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_contact_id: str | Unset = UNSET
    if not isinstance(contact_id, Unset):
        json_contact_id = str(contact_id)
    params["contact_id"] = json_contact_id

    params["limit"] = limit

    params["cursor"] = cursor

    json_fields: list[str] | Unset = UNSET
    if not isinstance(fields, Unset):
        json_fields = []
        for fields_item_data in fields:
            fields_item = fields_item_data.value
            json_fields.append(fields_item)

    params["fields"] = json_fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/introductions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IntroductionPage | Problem | None:
    if response.status_code == 200:
        response_200 = IntroductionPage.from_dict(response.json())

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
) -> Response[IntroductionPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ListIntroductionsStatus | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    fields: list[ListIntroductionsFieldsItem] | Unset = UNSET,
) -> Response[IntroductionPage | Problem]:
    """List introductions, newest first.

    Args:
        status (ListIntroductionsStatus | Unset):
        contact_id (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        fields (list[ListIntroductionsFieldsItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntroductionPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        contact_id=contact_id,
        limit=limit,
        cursor=cursor,
        fields=fields,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: ListIntroductionsStatus | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    fields: list[ListIntroductionsFieldsItem] | Unset = UNSET,
) -> IntroductionPage | Problem | None:
    """List introductions, newest first.

    Args:
        status (ListIntroductionsStatus | Unset):
        contact_id (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        fields (list[ListIntroductionsFieldsItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntroductionPage | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        contact_id=contact_id,
        limit=limit,
        cursor=cursor,
        fields=fields,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ListIntroductionsStatus | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    fields: list[ListIntroductionsFieldsItem] | Unset = UNSET,
) -> Response[IntroductionPage | Problem]:
    """List introductions, newest first.

    Args:
        status (ListIntroductionsStatus | Unset):
        contact_id (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        fields (list[ListIntroductionsFieldsItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntroductionPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        contact_id=contact_id,
        limit=limit,
        cursor=cursor,
        fields=fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ListIntroductionsStatus | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    fields: list[ListIntroductionsFieldsItem] | Unset = UNSET,
) -> IntroductionPage | Problem | None:
    """List introductions, newest first.

    Args:
        status (ListIntroductionsStatus | Unset):
        contact_id (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        fields (list[ListIntroductionsFieldsItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntroductionPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            contact_id=contact_id,
            limit=limit,
            cursor=cursor,
            fields=fields,
        )
    ).parsed
