from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch_report import BatchReport
from ...models.contact_batch import ContactBatch
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ContactBatch,
    atomic: bool | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["atomic"] = atomic

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/contacts/batch",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BatchReport | Problem | None:
    if response.status_code == 200:
        response_200 = BatchReport.from_dict(response.json())

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
) -> Response[BatchReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ContactBatch,
    atomic: bool | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BatchReport | Problem]:
    """Create or update up to 500 contacts.

     Each item is a contact as a create takes it, with an optional `match`:
    `email` or `phone` updates the contact (not in the trash) that has one of
    the item's emails or phone numbers, an external id `source:value` the
    contact that holds it; without a match, or when none is found, the item
    is created (holding the external id it was matched by). An update sets
    the fields the item gives and keeps the others, and merges external ids.
    A body that breaks the schema is a `422` naming each field
    (`items[3].contact.emails[0].address`) and writes nothing. Otherwise
    items are applied in order, each on its own: an item that breaks a rule
    the schema cannot state (a birthday in the future, a `met_via` that is
    not yours, an external id another contact holds) fails with its problem
    and the others go in, unless `atomic=true`.

    Args:
        atomic (bool | Unset):
        idempotency_key (None | str | Unset):
        body (ContactBatch): Contacts to create or update in one request (`POST
            /v1/contacts/batch`;
            schema only: each item is read on its own, so a bad one fails alone).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        atomic=atomic,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ContactBatch,
    atomic: bool | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> BatchReport | Problem | None:
    """Create or update up to 500 contacts.

     Each item is a contact as a create takes it, with an optional `match`:
    `email` or `phone` updates the contact (not in the trash) that has one of
    the item's emails or phone numbers, an external id `source:value` the
    contact that holds it; without a match, or when none is found, the item
    is created (holding the external id it was matched by). An update sets
    the fields the item gives and keeps the others, and merges external ids.
    A body that breaks the schema is a `422` naming each field
    (`items[3].contact.emails[0].address`) and writes nothing. Otherwise
    items are applied in order, each on its own: an item that breaks a rule
    the schema cannot state (a birthday in the future, a `met_via` that is
    not yours, an external id another contact holds) fails with its problem
    and the others go in, unless `atomic=true`.

    Args:
        atomic (bool | Unset):
        idempotency_key (None | str | Unset):
        body (ContactBatch): Contacts to create or update in one request (`POST
            /v1/contacts/batch`;
            schema only: each item is read on its own, so a bad one fails alone).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchReport | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        atomic=atomic,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ContactBatch,
    atomic: bool | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BatchReport | Problem]:
    """Create or update up to 500 contacts.

     Each item is a contact as a create takes it, with an optional `match`:
    `email` or `phone` updates the contact (not in the trash) that has one of
    the item's emails or phone numbers, an external id `source:value` the
    contact that holds it; without a match, or when none is found, the item
    is created (holding the external id it was matched by). An update sets
    the fields the item gives and keeps the others, and merges external ids.
    A body that breaks the schema is a `422` naming each field
    (`items[3].contact.emails[0].address`) and writes nothing. Otherwise
    items are applied in order, each on its own: an item that breaks a rule
    the schema cannot state (a birthday in the future, a `met_via` that is
    not yours, an external id another contact holds) fails with its problem
    and the others go in, unless `atomic=true`.

    Args:
        atomic (bool | Unset):
        idempotency_key (None | str | Unset):
        body (ContactBatch): Contacts to create or update in one request (`POST
            /v1/contacts/batch`;
            schema only: each item is read on its own, so a bad one fails alone).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        atomic=atomic,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ContactBatch,
    atomic: bool | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> BatchReport | Problem | None:
    """Create or update up to 500 contacts.

     Each item is a contact as a create takes it, with an optional `match`:
    `email` or `phone` updates the contact (not in the trash) that has one of
    the item's emails or phone numbers, an external id `source:value` the
    contact that holds it; without a match, or when none is found, the item
    is created (holding the external id it was matched by). An update sets
    the fields the item gives and keeps the others, and merges external ids.
    A body that breaks the schema is a `422` naming each field
    (`items[3].contact.emails[0].address`) and writes nothing. Otherwise
    items are applied in order, each on its own: an item that breaks a rule
    the schema cannot state (a birthday in the future, a `met_via` that is
    not yours, an external id another contact holds) fails with its problem
    and the others go in, unless `atomic=true`.

    Args:
        atomic (bool | Unset):
        idempotency_key (None | str | Unset):
        body (ContactBatch): Contacts to create or update in one request (`POST
            /v1/contacts/batch`;
            schema only: each item is read on its own, so a bad one fails alone).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            atomic=atomic,
            idempotency_key=idempotency_key,
        )
    ).parsed
