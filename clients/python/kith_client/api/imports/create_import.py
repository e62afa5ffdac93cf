from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_import_format import CreateImportFormat
from ...models.create_import_on_duplicate import CreateImportOnDuplicate
from ...models.import_ import Import
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: File,
    format_: CreateImportFormat | Unset = UNSET,
    on_duplicate: CreateImportOnDuplicate | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_on_duplicate: str | Unset = UNSET
    if not isinstance(on_duplicate, Unset):
        json_on_duplicate = on_duplicate.value

    params["on_duplicate"] = json_on_duplicate

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/imports",
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Import | Problem | None:
    if response.status_code == 200:
        response_200 = Import.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Import.from_dict(response.json())

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
) -> Response[Import | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    format_: CreateImportFormat | Unset = UNSET,
    on_duplicate: CreateImportOnDuplicate | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Import | Problem]:
    """Import contacts from a file.

     The body is the file as exported: vCards (2.1, 3.0 or 4.0, as Apple,
    Google, Outlook and phones write them), LinkedIn's `Connections.csv`, a
    Google Contacts CSV or an Outlook CSV (UTF-8, at most 20 MiB); `format`
    names it, or it is read from the content. Each row is validated as
    `POST /v1/contacts` validates a contact, and matched against your
    contacts by any email (ignoring case), then any phone number (by its
    digits), then its LinkedIn profile URL or another external id. A row
    that matches is skipped, updated or created again as `on_duplicate`
    says; the others are created. A bad row fails alone, with its line and
    its reason. The import is kept (`GET /v1/imports/{id}`) and can be undone
    (`DELETE`). LinkedIn rows keep the profile as the external id `linkedin`
    (so does a card's LinkedIn `URL` or `X-SOCIALPROFILE`) and `Connected
    On` as `met_on`.

    Args:
        format_ (CreateImportFormat | Unset): A format kith imports.
        on_duplicate (CreateImportOnDuplicate | Unset): What an import does with a row that
            matches a contact you have.
        dry_run (bool | Unset):
        idempotency_key (None | str | Unset):
        body (File): An exported file, as the body of an import (schema only): for example
            `First Name,Last Name,URL,Email Address,Company,Position,Connected On`,
            then a row per connection.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Import | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        format_=format_,
        on_duplicate=on_duplicate,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: File,
    format_: CreateImportFormat | Unset = UNSET,
    on_duplicate: CreateImportOnDuplicate | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Import | Problem | None:
    """Import contacts from a file.

     The body is the file as exported: vCards (2.1, 3.0 or 4.0, as Apple,
    Google, Outlook and phones write them), LinkedIn's `Connections.csv`, a
    Google Contacts CSV or an Outlook CSV (UTF-8, at most 20 MiB); `format`
    names it, or it is read from the content. Each row is validated as
    `POST /v1/contacts` validates a contact, and matched against your
    contacts by any email (ignoring case), then any phone number (by its
    digits), then its LinkedIn profile URL or another external id. A row
    that matches is skipped, updated or created again as `on_duplicate`
    says; the others are created. A bad row fails alone, with its line and
    its reason. The import is kept (`GET /v1/imports/{id}`) and can be undone
    (`DELETE`). LinkedIn rows keep the profile as the external id `linkedin`
    (so does a card's LinkedIn `URL` or `X-SOCIALPROFILE`) and `Connected
    On` as `met_on`.

    Args:
        format_ (CreateImportFormat | Unset): A format kith imports.
        on_duplicate (CreateImportOnDuplicate | Unset): What an import does with a row that
            matches a contact you have.
        dry_run (bool | Unset):
        idempotency_key (None | str | Unset):
        body (File): An exported file, as the body of an import (schema only): for example
            `First Name,Last Name,URL,Email Address,Company,Position,Connected On`,
            then a row per connection.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Import | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        format_=format_,
        on_duplicate=on_duplicate,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    format_: CreateImportFormat | Unset = UNSET,
    on_duplicate: CreateImportOnDuplicate | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Import | Problem]:
    """Import contacts from a file.

     The body is the file as exported: vCards (2.1, 3.0 or 4.0, as Apple,
    Google, Outlook and phones write them), LinkedIn's `Connections.csv`, a
    Google Contacts CSV or an Outlook CSV (UTF-8, at most 20 MiB); `format`
    names it, or it is read from the content. Each row is validated as
    `POST /v1/contacts` validates a contact, and matched against your
    contacts by any email (ignoring case), then any phone number (by its
    digits), then its LinkedIn profile URL or another external id. A row
    that matches is skipped, updated or created again as `on_duplicate`
    says; the others are created. A bad row fails alone, with its line and
    its reason. The import is kept (`GET /v1/imports/{id}`) and can be undone
    (`DELETE`). LinkedIn rows keep the profile as the external id `linkedin`
    (so does a card's LinkedIn `URL` or `X-SOCIALPROFILE`) and `Connected
    On` as `met_on`.

    Args:
        format_ (CreateImportFormat | Unset): A format kith imports.
        on_duplicate (CreateImportOnDuplicate | Unset): What an import does with a row that
            matches a contact you have.
        dry_run (bool | Unset):
        idempotency_key (None | str | Unset):
        body (File): An exported file, as the body of an import (schema only): for example
            `First Name,Last Name,URL,Email Address,Company,Position,Connected On`,
            then a row per connection.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Import | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        format_=format_,
        on_duplicate=on_duplicate,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: File,
    format_: CreateImportFormat | Unset = UNSET,
    on_duplicate: CreateImportOnDuplicate | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Import | Problem | None:
    """Import contacts from a file.

     The body is the file as exported: vCards (2.1, 3.0 or 4.0, as Apple,
    Google, Outlook and phones write them), LinkedIn's `Connections.csv`, a
    Google Contacts CSV or an Outlook CSV (UTF-8, at most 20 MiB); `format`
    names it, or it is read from the content. Each row is validated as
    `POST /v1/contacts` validates a contact, and matched against your
    contacts by any email (ignoring case), then any phone number (by its
    digits), then its LinkedIn profile URL or another external id. A row
    that matches is skipped, updated or created again as `on_duplicate`
    says; the others are created. A bad row fails alone, with its line and
    its reason. The import is kept (`GET /v1/imports/{id}`) and can be undone
    (`DELETE`). LinkedIn rows keep the profile as the external id `linkedin`
    (so does a card's LinkedIn `URL` or `X-SOCIALPROFILE`) and `Connected
    On` as `met_on`.

    Args:
        format_ (CreateImportFormat | Unset): A format kith imports.
        on_duplicate (CreateImportOnDuplicate | Unset): What an import does with a row that
            matches a contact you have.
        dry_run (bool | Unset):
        idempotency_key (None | str | Unset):
        body (File): An exported file, as the body of an import (schema only): for example
            `First Name,Last Name,URL,Email Address,Company,Position,Connected On`,
            then a row per connection.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Import | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            format_=format_,
            on_duplicate=on_duplicate,
            dry_run=dry_run,
            idempotency_key=idempotency_key,
        )
    ).parsed
