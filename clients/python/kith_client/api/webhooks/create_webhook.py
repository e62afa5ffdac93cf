from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_create import WebhookCreate
from ...models.webhook_with_secret import WebhookWithSecret
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: WebhookCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookWithSecret | None:
    if response.status_code == 201:
        response_201 = WebhookWithSecret.from_dict(response.json())

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
) -> Response[Problem | WebhookWithSecret]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | WebhookWithSecret]:
    """Create a webhook.

     kith sends the events named in `events` to `url` as they happen, each a
    `POST` of `{type, timestamp, data}` (`data`: the resource as `GET`
    shows it; `{id}` for a deletion, with `merged_into` for a merge; a
    resource over 20 KiB as `{id, truncated}`), signed by the Standard
    Webhooks specification (`webhook-id`, `webhook-timestamp`,
    `webhook-signature`) with the secret in this answer — shown only now.
    Changes made before the webhook are not sent. A `2xx` answer is success;
    anything else (a redirect too: none is followed) is retried after 5 s,
    5 min, 30 min, 2 h, 5 h, 10 h and 10 h (±10%, later when `Retry-After`
    asks); `410` disables the webhook, as do five days of failures. First
    attempts go out in the order of the changes. A URL inside a private
    network (loopback, private, link-local…, by name or address) is refused.
    At most 20 webhooks.

    Args:
        idempotency_key (None | str | Unset):
        body (WebhookCreate): A new webhook.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookWithSecret]
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
    body: WebhookCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | WebhookWithSecret | None:
    """Create a webhook.

     kith sends the events named in `events` to `url` as they happen, each a
    `POST` of `{type, timestamp, data}` (`data`: the resource as `GET`
    shows it; `{id}` for a deletion, with `merged_into` for a merge; a
    resource over 20 KiB as `{id, truncated}`), signed by the Standard
    Webhooks specification (`webhook-id`, `webhook-timestamp`,
    `webhook-signature`) with the secret in this answer — shown only now.
    Changes made before the webhook are not sent. A `2xx` answer is success;
    anything else (a redirect too: none is followed) is retried after 5 s,
    5 min, 30 min, 2 h, 5 h, 10 h and 10 h (±10%, later when `Retry-After`
    asks); `410` disables the webhook, as do five days of failures. First
    attempts go out in the order of the changes. A URL inside a private
    network (loopback, private, link-local…, by name or address) is refused.
    At most 20 webhooks.

    Args:
        idempotency_key (None | str | Unset):
        body (WebhookCreate): A new webhook.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookWithSecret
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | WebhookWithSecret]:
    """Create a webhook.

     kith sends the events named in `events` to `url` as they happen, each a
    `POST` of `{type, timestamp, data}` (`data`: the resource as `GET`
    shows it; `{id}` for a deletion, with `merged_into` for a merge; a
    resource over 20 KiB as `{id, truncated}`), signed by the Standard
    Webhooks specification (`webhook-id`, `webhook-timestamp`,
    `webhook-signature`) with the secret in this answer — shown only now.
    Changes made before the webhook are not sent. A `2xx` answer is success;
    anything else (a redirect too: none is followed) is retried after 5 s,
    5 min, 30 min, 2 h, 5 h, 10 h and 10 h (±10%, later when `Retry-After`
    asks); `410` disables the webhook, as do five days of failures. First
    attempts go out in the order of the changes. A URL inside a private
    network (loopback, private, link-local…, by name or address) is refused.
    At most 20 webhooks.

    Args:
        idempotency_key (None | str | Unset):
        body (WebhookCreate): A new webhook.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookWithSecret]
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
    body: WebhookCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | WebhookWithSecret | None:
    """Create a webhook.

     kith sends the events named in `events` to `url` as they happen, each a
    `POST` of `{type, timestamp, data}` (`data`: the resource as `GET`
    shows it; `{id}` for a deletion, with `merged_into` for a merge; a
    resource over 20 KiB as `{id, truncated}`), signed by the Standard
    Webhooks specification (`webhook-id`, `webhook-timestamp`,
    `webhook-signature`) with the secret in this answer — shown only now.
    Changes made before the webhook are not sent. A `2xx` answer is success;
    anything else (a redirect too: none is followed) is retried after 5 s,
    5 min, 30 min, 2 h, 5 h, 10 h and 10 h (±10%, later when `Retry-After`
    asks); `410` disables the webhook, as do five days of failures. First
    attempts go out in the order of the changes. A URL inside a private
    network (loopback, private, link-local…, by name or address) is refused.
    At most 20 webhooks.

    Args:
        idempotency_key (None | str | Unset):
        body (WebhookCreate): A new webhook.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookWithSecret
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
