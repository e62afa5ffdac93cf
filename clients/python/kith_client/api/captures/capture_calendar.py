import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.capture import Capture
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: File,
    since: datetime.date | Unset = UNSET,
    store_subject: bool | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    params["store_subject"] = store_subject

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/captures/calendar",
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "text/calendar"

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
    body: File,
    since: datetime.date | Unset = UNSET,
    store_subject: bool | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Capture | Problem]:
    """Log calendar events as meetings.

     An iCalendar file (`text/calendar`, at most 10 MiB, at most 10,000
    occurrences in the window): each past `VEVENT` since `since` whose
    organizer or attendees (those who did not decline) include your
    contacts becomes one `meeting` interaction with them at its start —
    `outbound` when you organized it, `inbound` when someone else did,
    `mutual` without an organizer. Recurring events are expanded (their
    exceptions and moved occurrences as the file says); cancelled events
    and occurrences are skipped. An occurrence is known by its `UID` and
    recurrence id: sending the file again logs nothing twice. Events in the
    next 90 days with contacts go on the agenda as `meeting_upcoming`
    items (`upcoming`); addresses matching no contact count towards the
    suggestions.

    Args:
        since (datetime.date | Unset):
        store_subject (bool | Unset):
        idempotency_key (None | str | Unset):
        body (File): A calendar file (schema only): iCalendar, RFC 5545.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Capture | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        since=since,
        store_subject=store_subject,
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
    since: datetime.date | Unset = UNSET,
    store_subject: bool | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Capture | Problem | None:
    """Log calendar events as meetings.

     An iCalendar file (`text/calendar`, at most 10 MiB, at most 10,000
    occurrences in the window): each past `VEVENT` since `since` whose
    organizer or attendees (those who did not decline) include your
    contacts becomes one `meeting` interaction with them at its start —
    `outbound` when you organized it, `inbound` when someone else did,
    `mutual` without an organizer. Recurring events are expanded (their
    exceptions and moved occurrences as the file says); cancelled events
    and occurrences are skipped. An occurrence is known by its `UID` and
    recurrence id: sending the file again logs nothing twice. Events in the
    next 90 days with contacts go on the agenda as `meeting_upcoming`
    items (`upcoming`); addresses matching no contact count towards the
    suggestions.

    Args:
        since (datetime.date | Unset):
        store_subject (bool | Unset):
        idempotency_key (None | str | Unset):
        body (File): A calendar file (schema only): iCalendar, RFC 5545.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Capture | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        since=since,
        store_subject=store_subject,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    since: datetime.date | Unset = UNSET,
    store_subject: bool | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Capture | Problem]:
    """Log calendar events as meetings.

     An iCalendar file (`text/calendar`, at most 10 MiB, at most 10,000
    occurrences in the window): each past `VEVENT` since `since` whose
    organizer or attendees (those who did not decline) include your
    contacts becomes one `meeting` interaction with them at its start —
    `outbound` when you organized it, `inbound` when someone else did,
    `mutual` without an organizer. Recurring events are expanded (their
    exceptions and moved occurrences as the file says); cancelled events
    and occurrences are skipped. An occurrence is known by its `UID` and
    recurrence id: sending the file again logs nothing twice. Events in the
    next 90 days with contacts go on the agenda as `meeting_upcoming`
    items (`upcoming`); addresses matching no contact count towards the
    suggestions.

    Args:
        since (datetime.date | Unset):
        store_subject (bool | Unset):
        idempotency_key (None | str | Unset):
        body (File): A calendar file (schema only): iCalendar, RFC 5545.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Capture | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        since=since,
        store_subject=store_subject,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: File,
    since: datetime.date | Unset = UNSET,
    store_subject: bool | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Capture | Problem | None:
    """Log calendar events as meetings.

     An iCalendar file (`text/calendar`, at most 10 MiB, at most 10,000
    occurrences in the window): each past `VEVENT` since `since` whose
    organizer or attendees (those who did not decline) include your
    contacts becomes one `meeting` interaction with them at its start —
    `outbound` when you organized it, `inbound` when someone else did,
    `mutual` without an organizer. Recurring events are expanded (their
    exceptions and moved occurrences as the file says); cancelled events
    and occurrences are skipped. An occurrence is known by its `UID` and
    recurrence id: sending the file again logs nothing twice. Events in the
    next 90 days with contacts go on the agenda as `meeting_upcoming`
    items (`upcoming`); addresses matching no contact count towards the
    suggestions.

    Args:
        since (datetime.date | Unset):
        store_subject (bool | Unset):
        idempotency_key (None | str | Unset):
        body (File): A calendar file (schema only): iCalendar, RFC 5545.

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
            since=since,
            store_subject=store_subject,
            idempotency_key=idempotency_key,
        )
    ).parsed
