from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.merge_report import MergeReport
from ...models.merge_request import MergeRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    body: MergeRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/contacts/{id}/merge".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MergeReport | Problem | None:
    if response.status_code == 200:
        response_200 = MergeReport.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[MergeReport | Problem]:
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
    body: MergeRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[MergeReport | Problem]:
    """Merge contacts into this one.

     The contact the path names is kept. It gains every email, phone, link,
    tag and external id of the merged contacts (its own id of a source wins) and each
    field it lacks from the first of them that has it. Every interaction,
    ledger entry, relationship and introduction that named a merged contact
    names the kept one instead: a contact takes part in an interaction once,
    a relationship the kept contact already has (or one between the merged
    contacts) is deleted, and so is an introduction in which it would be two
    of the people. Contacts met via a merged one are met via the kept one.
    The merged contacts go to the trash with `merged_into` naming the kept
    one, and cannot be restored. Every change is in the change feed; all of
    it happens or none. `If-Match` names the kept contact's version.

    Args:
        id (UUID):
        if_match (None | str | Unset):
        idempotency_key (None | str | Unset):
        body (MergeRequest): The contacts to merge into the one the path names.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MergeReport | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: MergeRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> MergeReport | Problem | None:
    """Merge contacts into this one.

     The contact the path names is kept. It gains every email, phone, link,
    tag and external id of the merged contacts (its own id of a source wins) and each
    field it lacks from the first of them that has it. Every interaction,
    ledger entry, relationship and introduction that named a merged contact
    names the kept one instead: a contact takes part in an interaction once,
    a relationship the kept contact already has (or one between the merged
    contacts) is deleted, and so is an introduction in which it would be two
    of the people. Contacts met via a merged one are met via the kept one.
    The merged contacts go to the trash with `merged_into` naming the kept
    one, and cannot be restored. Every change is in the change feed; all of
    it happens or none. `If-Match` names the kept contact's version.

    Args:
        id (UUID):
        if_match (None | str | Unset):
        idempotency_key (None | str | Unset):
        body (MergeRequest): The contacts to merge into the one the path names.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MergeReport | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: MergeRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[MergeReport | Problem]:
    """Merge contacts into this one.

     The contact the path names is kept. It gains every email, phone, link,
    tag and external id of the merged contacts (its own id of a source wins) and each
    field it lacks from the first of them that has it. Every interaction,
    ledger entry, relationship and introduction that named a merged contact
    names the kept one instead: a contact takes part in an interaction once,
    a relationship the kept contact already has (or one between the merged
    contacts) is deleted, and so is an introduction in which it would be two
    of the people. Contacts met via a merged one are met via the kept one.
    The merged contacts go to the trash with `merged_into` naming the kept
    one, and cannot be restored. Every change is in the change feed; all of
    it happens or none. `If-Match` names the kept contact's version.

    Args:
        id (UUID):
        if_match (None | str | Unset):
        idempotency_key (None | str | Unset):
        body (MergeRequest): The contacts to merge into the one the path names.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MergeReport | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: MergeRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> MergeReport | Problem | None:
    """Merge contacts into this one.

     The contact the path names is kept. It gains every email, phone, link,
    tag and external id of the merged contacts (its own id of a source wins) and each
    field it lacks from the first of them that has it. Every interaction,
    ledger entry, relationship and introduction that named a merged contact
    names the kept one instead: a contact takes part in an interaction once,
    a relationship the kept contact already has (or one between the merged
    contacts) is deleted, and so is an introduction in which it would be two
    of the people. Contacts met via a merged one are met via the kept one.
    The merged contacts go to the trash with `merged_into` naming the kept
    one, and cannot be restored. Every change is in the change feed; all of
    it happens or none. `If-Match` names the kept contact's version.

    Args:
        id (UUID):
        if_match (None | str | Unset):
        idempotency_key (None | str | Unset):
        body (MergeRequest): The contacts to merge into the one the path names.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MergeReport | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
