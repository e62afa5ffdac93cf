import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_page import ContactPage
from ...models.list_contacts_fields_item import ListContactsFieldsItem
from ...models.list_contacts_sort import ListContactsSort
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    company: str | Unset = UNSET,
    email: str | Unset = UNSET,
    phone: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    archived: bool | Unset = UNSET,
    trashed: bool | Unset = UNSET,
    due: bool | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    sort: ListContactsSort | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    fields: list[ListContactsFieldsItem] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["q"] = q

    params["tag"] = tag

    params["company"] = company

    params["email"] = email

    params["phone"] = phone

    params["external_id"] = external_id

    params["archived"] = archived

    params["trashed"] = trashed

    params["due"] = due

    json_due_before: str | Unset = UNSET
    if not isinstance(due_before, Unset):
        json_due_before = due_before.isoformat()
    params["due_before"] = json_due_before

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

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
        "url": "/v1/contacts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactPage | Problem | None:
    if response.status_code == 200:
        response_200 = ContactPage.from_dict(response.json())

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
) -> Response[ContactPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    company: str | Unset = UNSET,
    email: str | Unset = UNSET,
    phone: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    archived: bool | Unset = UNSET,
    trashed: bool | Unset = UNSET,
    due: bool | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    sort: ListContactsSort | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    fields: list[ListContactsFieldsItem] | Unset = UNSET,
) -> Response[ContactPage | Problem]:
    """List contacts.

     Leaves archived and trashed contacts out unless asked. Keyset-paginated:
    paging while others insert never repeats or skips a contact.

    Args:
        q (str | Unset):
        tag (str | Unset):
        company (str | Unset):
        email (str | Unset):
        phone (str | Unset):
        external_id (str | Unset):
        archived (bool | Unset):
        trashed (bool | Unset):
        due (bool | Unset):
        due_before (datetime.date | Unset):
        sort (ListContactsSort | Unset): The order of a contact list: a key, reversed by a leading
            `-`.
        limit (int | Unset):
        cursor (str | Unset):
        fields (list[ListContactsFieldsItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPage | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        tag=tag,
        company=company,
        email=email,
        phone=phone,
        external_id=external_id,
        archived=archived,
        trashed=trashed,
        due=due,
        due_before=due_before,
        sort=sort,
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
    q: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    company: str | Unset = UNSET,
    email: str | Unset = UNSET,
    phone: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    archived: bool | Unset = UNSET,
    trashed: bool | Unset = UNSET,
    due: bool | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    sort: ListContactsSort | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    fields: list[ListContactsFieldsItem] | Unset = UNSET,
) -> ContactPage | Problem | None:
    """List contacts.

     Leaves archived and trashed contacts out unless asked. Keyset-paginated:
    paging while others insert never repeats or skips a contact.

    Args:
        q (str | Unset):
        tag (str | Unset):
        company (str | Unset):
        email (str | Unset):
        phone (str | Unset):
        external_id (str | Unset):
        archived (bool | Unset):
        trashed (bool | Unset):
        due (bool | Unset):
        due_before (datetime.date | Unset):
        sort (ListContactsSort | Unset): The order of a contact list: a key, reversed by a leading
            `-`.
        limit (int | Unset):
        cursor (str | Unset):
        fields (list[ListContactsFieldsItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPage | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        tag=tag,
        company=company,
        email=email,
        phone=phone,
        external_id=external_id,
        archived=archived,
        trashed=trashed,
        due=due,
        due_before=due_before,
        sort=sort,
        limit=limit,
        cursor=cursor,
        fields=fields,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    company: str | Unset = UNSET,
    email: str | Unset = UNSET,
    phone: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    archived: bool | Unset = UNSET,
    trashed: bool | Unset = UNSET,
    due: bool | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    sort: ListContactsSort | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    fields: list[ListContactsFieldsItem] | Unset = UNSET,
) -> Response[ContactPage | Problem]:
    """List contacts.

     Leaves archived and trashed contacts out unless asked. Keyset-paginated:
    paging while others insert never repeats or skips a contact.

    Args:
        q (str | Unset):
        tag (str | Unset):
        company (str | Unset):
        email (str | Unset):
        phone (str | Unset):
        external_id (str | Unset):
        archived (bool | Unset):
        trashed (bool | Unset):
        due (bool | Unset):
        due_before (datetime.date | Unset):
        sort (ListContactsSort | Unset): The order of a contact list: a key, reversed by a leading
            `-`.
        limit (int | Unset):
        cursor (str | Unset):
        fields (list[ListContactsFieldsItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPage | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        tag=tag,
        company=company,
        email=email,
        phone=phone,
        external_id=external_id,
        archived=archived,
        trashed=trashed,
        due=due,
        due_before=due_before,
        sort=sort,
        limit=limit,
        cursor=cursor,
        fields=fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    company: str | Unset = UNSET,
    email: str | Unset = UNSET,
    phone: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    archived: bool | Unset = UNSET,
    trashed: bool | Unset = UNSET,
    due: bool | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    sort: ListContactsSort | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    fields: list[ListContactsFieldsItem] | Unset = UNSET,
) -> ContactPage | Problem | None:
    """List contacts.

     Leaves archived and trashed contacts out unless asked. Keyset-paginated:
    paging while others insert never repeats or skips a contact.

    Args:
        q (str | Unset):
        tag (str | Unset):
        company (str | Unset):
        email (str | Unset):
        phone (str | Unset):
        external_id (str | Unset):
        archived (bool | Unset):
        trashed (bool | Unset):
        due (bool | Unset):
        due_before (datetime.date | Unset):
        sort (ListContactsSort | Unset): The order of a contact list: a key, reversed by a leading
            `-`.
        limit (int | Unset):
        cursor (str | Unset):
        fields (list[ListContactsFieldsItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            tag=tag,
            company=company,
            email=email,
            phone=phone,
            external_id=external_id,
            archived=archived,
            trashed=trashed,
            due=due,
            due_before=due_before,
            sort=sort,
            limit=limit,
            cursor=cursor,
            fields=fields,
        )
    ).parsed
