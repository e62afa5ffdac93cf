from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.capture import Capture
from ...models.capture_messages_collapse import CaptureMessagesCollapse
from ...models.message_batch import MessageBatch
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: MessageBatch | File | Unset = UNSET,
    store_subject: bool | Unset = UNSET,
    collapse: CaptureMessagesCollapse | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["store_subject"] = store_subject

    json_collapse: str | Unset = UNSET
    if not isinstance(collapse, Unset):
        json_collapse = collapse.value

    params["collapse"] = json_collapse

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/captures/messages",
        "params": params,
    }

    if isinstance(body, MessageBatch):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/mbox"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "message/rfc822"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Capture | Problem | None:
    if response.status_code == 201:
        response_201 = Capture.from_dict(response.json())

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
) -> Response[Capture | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MessageBatch | File | Unset = UNSET,
    store_subject: bool | Unset = UNSET,
    collapse: CaptureMessagesCollapse | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Capture | Problem]:
    """Log messages as interactions.

     The body is JSON (below), or raw mail: one message (`message/rfc822`)
    or a mailbox (`application/mbox`, at most 10,000 messages), at most
    20 MiB, whose headers are
    read as the JSON form's fields (`Message-ID` as `source_id`, the first
    of `References` as the thread, the names the headers give). A message
    without `From` or `Date` (or dated over a day ahead) refuses a single
    message; in a mailbox it fails alone (`failed`, `failures`).

    As JSON, up to 1,000 messages' headers (what a script reading a mailbox
    or an email API sends; bodies are never taken). A message with a participant
    (other than your own addresses) among your contacts, by email ignoring
    case, becomes one `email` interaction with every such contact (the
    first 50), at its date, `outbound` when one of your addresses sent it
    and `inbound` otherwise, its subject as the summary (`Email` with
    `store_subject=false`). Interactions reset cadence clocks as any do. The
    same `source_id` twice is logged once (`duplicates`); with
    `collapse=thread_day`, a thread's messages on one day are one
    interaction. Addresses that match no contact are counted for
    `GET /v1/captures/suggestions`. The capture is kept and can be undone.

    Args:
        store_subject (bool | Unset):
        collapse (CaptureMessagesCollapse | Unset): How messages become interactions.
        idempotency_key (None | str | Unset):
        body (MessageBatch): Messages to log as interactions.
        body (File): Raw mail (schema only): one message as sent (`message/rfc822`), or a
            mailbox of them (`application/mbox`, at most 10,000).
        body (File): Raw mail (schema only): one message as sent (`message/rfc822`), or a
            mailbox of them (`application/mbox`, at most 10,000).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Capture | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        store_subject=store_subject,
        collapse=collapse,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: MessageBatch | File | Unset = UNSET,
    store_subject: bool | Unset = UNSET,
    collapse: CaptureMessagesCollapse | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Capture | Problem | None:
    """Log messages as interactions.

     The body is JSON (below), or raw mail: one message (`message/rfc822`)
    or a mailbox (`application/mbox`, at most 10,000 messages), at most
    20 MiB, whose headers are
    read as the JSON form's fields (`Message-ID` as `source_id`, the first
    of `References` as the thread, the names the headers give). A message
    without `From` or `Date` (or dated over a day ahead) refuses a single
    message; in a mailbox it fails alone (`failed`, `failures`).

    As JSON, up to 1,000 messages' headers (what a script reading a mailbox
    or an email API sends; bodies are never taken). A message with a participant
    (other than your own addresses) among your contacts, by email ignoring
    case, becomes one `email` interaction with every such contact (the
    first 50), at its date, `outbound` when one of your addresses sent it
    and `inbound` otherwise, its subject as the summary (`Email` with
    `store_subject=false`). Interactions reset cadence clocks as any do. The
    same `source_id` twice is logged once (`duplicates`); with
    `collapse=thread_day`, a thread's messages on one day are one
    interaction. Addresses that match no contact are counted for
    `GET /v1/captures/suggestions`. The capture is kept and can be undone.

    Args:
        store_subject (bool | Unset):
        collapse (CaptureMessagesCollapse | Unset): How messages become interactions.
        idempotency_key (None | str | Unset):
        body (MessageBatch): Messages to log as interactions.
        body (File): Raw mail (schema only): one message as sent (`message/rfc822`), or a
            mailbox of them (`application/mbox`, at most 10,000).
        body (File): Raw mail (schema only): one message as sent (`message/rfc822`), or a
            mailbox of them (`application/mbox`, at most 10,000).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Capture | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        store_subject=store_subject,
        collapse=collapse,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MessageBatch | File | Unset = UNSET,
    store_subject: bool | Unset = UNSET,
    collapse: CaptureMessagesCollapse | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Capture | Problem]:
    """Log messages as interactions.

     The body is JSON (below), or raw mail: one message (`message/rfc822`)
    or a mailbox (`application/mbox`, at most 10,000 messages), at most
    20 MiB, whose headers are
    read as the JSON form's fields (`Message-ID` as `source_id`, the first
    of `References` as the thread, the names the headers give). A message
    without `From` or `Date` (or dated over a day ahead) refuses a single
    message; in a mailbox it fails alone (`failed`, `failures`).

    As JSON, up to 1,000 messages' headers (what a script reading a mailbox
    or an email API sends; bodies are never taken). A message with a participant
    (other than your own addresses) among your contacts, by email ignoring
    case, becomes one `email` interaction with every such contact (the
    first 50), at its date, `outbound` when one of your addresses sent it
    and `inbound` otherwise, its subject as the summary (`Email` with
    `store_subject=false`). Interactions reset cadence clocks as any do. The
    same `source_id` twice is logged once (`duplicates`); with
    `collapse=thread_day`, a thread's messages on one day are one
    interaction. Addresses that match no contact are counted for
    `GET /v1/captures/suggestions`. The capture is kept and can be undone.

    Args:
        store_subject (bool | Unset):
        collapse (CaptureMessagesCollapse | Unset): How messages become interactions.
        idempotency_key (None | str | Unset):
        body (MessageBatch): Messages to log as interactions.
        body (File): Raw mail (schema only): one message as sent (`message/rfc822`), or a
            mailbox of them (`application/mbox`, at most 10,000).
        body (File): Raw mail (schema only): one message as sent (`message/rfc822`), or a
            mailbox of them (`application/mbox`, at most 10,000).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Capture | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        store_subject=store_subject,
        collapse=collapse,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MessageBatch | File | Unset = UNSET,
    store_subject: bool | Unset = UNSET,
    collapse: CaptureMessagesCollapse | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Capture | Problem | None:
    """Log messages as interactions.

     The body is JSON (below), or raw mail: one message (`message/rfc822`)
    or a mailbox (`application/mbox`, at most 10,000 messages), at most
    20 MiB, whose headers are
    read as the JSON form's fields (`Message-ID` as `source_id`, the first
    of `References` as the thread, the names the headers give). A message
    without `From` or `Date` (or dated over a day ahead) refuses a single
    message; in a mailbox it fails alone (`failed`, `failures`).

    As JSON, up to 1,000 messages' headers (what a script reading a mailbox
    or an email API sends; bodies are never taken). A message with a participant
    (other than your own addresses) among your contacts, by email ignoring
    case, becomes one `email` interaction with every such contact (the
    first 50), at its date, `outbound` when one of your addresses sent it
    and `inbound` otherwise, its subject as the summary (`Email` with
    `store_subject=false`). Interactions reset cadence clocks as any do. The
    same `source_id` twice is logged once (`duplicates`); with
    `collapse=thread_day`, a thread's messages on one day are one
    interaction. Addresses that match no contact are counted for
    `GET /v1/captures/suggestions`. The capture is kept and can be undone.

    Args:
        store_subject (bool | Unset):
        collapse (CaptureMessagesCollapse | Unset): How messages become interactions.
        idempotency_key (None | str | Unset):
        body (MessageBatch): Messages to log as interactions.
        body (File): Raw mail (schema only): one message as sent (`message/rfc822`), or a
            mailbox of them (`application/mbox`, at most 10,000).
        body (File): Raw mail (schema only): one message as sent (`message/rfc822`), or a
            mailbox of them (`application/mbox`, at most 10,000).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Capture | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            store_subject=store_subject,
            collapse=collapse,
            idempotency_key=idempotency_key,
        )
    ).parsed
