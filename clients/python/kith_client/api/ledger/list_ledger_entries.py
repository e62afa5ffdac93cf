from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ledger_page import LedgerPage
from ...models.list_ledger_entries_direction import ListLedgerEntriesDirection
from ...models.list_ledger_entries_fields_item import ListLedgerEntriesFieldsItem
from ...models.list_ledger_entries_kind import ListLedgerEntriesKind
from ...models.list_ledger_entries_status import ListLedgerEntriesStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    contact_id: UUID | Unset = UNSET,
    direction: ListLedgerEntriesDirection | Unset = UNSET,
    status: ListLedgerEntriesStatus | Unset = UNSET,
    kind: ListLedgerEntriesKind | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    fields: list[ListLedgerEntriesFieldsItem] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_contact_id: str | Unset = UNSET
    if not isinstance(contact_id, Unset):
        json_contact_id = str(contact_id)
    params["contact_id"] = json_contact_id

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction.value

    params["direction"] = json_direction

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["overdue"] = overdue

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
        "url": "/v1/ledger",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LedgerPage | Problem | None:
    if response.status_code == 200:
        response_200 = LedgerPage.from_dict(response.json())

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
) -> Response[LedgerPage | Problem]:
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
    direction: ListLedgerEntriesDirection | Unset = UNSET,
    status: ListLedgerEntriesStatus | Unset = UNSET,
    kind: ListLedgerEntriesKind | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    fields: list[ListLedgerEntriesFieldsItem] | Unset = UNSET,
) -> Response[LedgerPage | Problem]:
    """List ledger entries, newest first.

    Args:
        contact_id (UUID | Unset):
        direction (ListLedgerEntriesDirection | Unset): `given`: you did it for them; `received`:
            they did it for you.
        status (ListLedgerEntriesStatus | Unset): `open`: asked or promised, not yet delivered;
            `done`: delivered;
            `declined`; `cancelled`. Moves: open → done, declined or cancelled;
            done → cancelled.
        kind (ListLedgerEntriesKind | Unset): What kind of favor.
        overdue (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        fields (list[ListLedgerEntriesFieldsItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LedgerPage | Problem]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        direction=direction,
        status=status,
        kind=kind,
        overdue=overdue,
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
    contact_id: UUID | Unset = UNSET,
    direction: ListLedgerEntriesDirection | Unset = UNSET,
    status: ListLedgerEntriesStatus | Unset = UNSET,
    kind: ListLedgerEntriesKind | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    fields: list[ListLedgerEntriesFieldsItem] | Unset = UNSET,
) -> LedgerPage | Problem | None:
    """List ledger entries, newest first.

    Args:
        contact_id (UUID | Unset):
        direction (ListLedgerEntriesDirection | Unset): `given`: you did it for them; `received`:
            they did it for you.
        status (ListLedgerEntriesStatus | Unset): `open`: asked or promised, not yet delivered;
            `done`: delivered;
            `declined`; `cancelled`. Moves: open → done, declined or cancelled;
            done → cancelled.
        kind (ListLedgerEntriesKind | Unset): What kind of favor.
        overdue (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        fields (list[ListLedgerEntriesFieldsItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LedgerPage | Problem
    """

    return sync_detailed(
        client=client,
        contact_id=contact_id,
        direction=direction,
        status=status,
        kind=kind,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
        fields=fields,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    contact_id: UUID | Unset = UNSET,
    direction: ListLedgerEntriesDirection | Unset = UNSET,
    status: ListLedgerEntriesStatus | Unset = UNSET,
    kind: ListLedgerEntriesKind | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    fields: list[ListLedgerEntriesFieldsItem] | Unset = UNSET,
) -> Response[LedgerPage | Problem]:
    """List ledger entries, newest first.

    Args:
        contact_id (UUID | Unset):
        direction (ListLedgerEntriesDirection | Unset): `given`: you did it for them; `received`:
            they did it for you.
        status (ListLedgerEntriesStatus | Unset): `open`: asked or promised, not yet delivered;
            `done`: delivered;
            `declined`; `cancelled`. Moves: open → done, declined or cancelled;
            done → cancelled.
        kind (ListLedgerEntriesKind | Unset): What kind of favor.
        overdue (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        fields (list[ListLedgerEntriesFieldsItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LedgerPage | Problem]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        direction=direction,
        status=status,
        kind=kind,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
        fields=fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    contact_id: UUID | Unset = UNSET,
    direction: ListLedgerEntriesDirection | Unset = UNSET,
    status: ListLedgerEntriesStatus | Unset = UNSET,
    kind: ListLedgerEntriesKind | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    fields: list[ListLedgerEntriesFieldsItem] | Unset = UNSET,
) -> LedgerPage | Problem | None:
    """List ledger entries, newest first.

    Args:
        contact_id (UUID | Unset):
        direction (ListLedgerEntriesDirection | Unset): `given`: you did it for them; `received`:
            they did it for you.
        status (ListLedgerEntriesStatus | Unset): `open`: asked or promised, not yet delivered;
            `done`: delivered;
            `declined`; `cancelled`. Moves: open → done, declined or cancelled;
            done → cancelled.
        kind (ListLedgerEntriesKind | Unset): What kind of favor.
        overdue (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        fields (list[ListLedgerEntriesFieldsItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LedgerPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            contact_id=contact_id,
            direction=direction,
            status=status,
            kind=kind,
            overdue=overdue,
            limit=limit,
            cursor=cursor,
            fields=fields,
        )
    ).parsed
