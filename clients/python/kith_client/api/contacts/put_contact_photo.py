from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact import Contact
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    body: File | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/contacts/{id}/photo".format(
            id=quote(str(id), safe=""),
        ),
    }

    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "image/jpeg"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "image/png"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "image/webp"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Contact | Problem | None:
    if response.status_code == 200:
        response_200 = Contact.from_dict(response.json())

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
) -> Response[Contact | Problem]:
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
    body: File | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Response[Contact | Problem]:
    """Set a contact's photo.

     The body is the image itself, as `image/jpeg`, `image/png` or
    `image/webp`, at most 2 MiB. It is decoded whole: bytes that are not a
    complete image of the type named are refused. Square thumbnails of 64,
    128 and 256 pixels are made once, here. The contact's `photo_url` (and
    so its version) changes.

    Args:
        id (UUID):
        if_match (None | str | Unset):
        body (File): A photo's bytes (schema only).
        body (File): A photo's bytes (schema only).
        body (File): A photo's bytes (schema only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: File | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Contact | Problem | None:
    """Set a contact's photo.

     The body is the image itself, as `image/jpeg`, `image/png` or
    `image/webp`, at most 2 MiB. It is decoded whole: bytes that are not a
    complete image of the type named are refused. Square thumbnails of 64,
    128 and 256 pixels are made once, here. The contact's `photo_url` (and
    so its version) changes.

    Args:
        id (UUID):
        if_match (None | str | Unset):
        body (File): A photo's bytes (schema only).
        body (File): A photo's bytes (schema only).
        body (File): A photo's bytes (schema only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: File | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Response[Contact | Problem]:
    """Set a contact's photo.

     The body is the image itself, as `image/jpeg`, `image/png` or
    `image/webp`, at most 2 MiB. It is decoded whole: bytes that are not a
    complete image of the type named are refused. Square thumbnails of 64,
    128 and 256 pixels are made once, here. The contact's `photo_url` (and
    so its version) changes.

    Args:
        id (UUID):
        if_match (None | str | Unset):
        body (File): A photo's bytes (schema only).
        body (File): A photo's bytes (schema only).
        body (File): A photo's bytes (schema only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: File | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Contact | Problem | None:
    """Set a contact's photo.

     The body is the image itself, as `image/jpeg`, `image/png` or
    `image/webp`, at most 2 MiB. It is decoded whole: bytes that are not a
    complete image of the type named are refused. Square thumbnails of 64,
    128 and 256 pixels are made once, here. The contact's `photo_url` (and
    so its version) changes.

    Args:
        id (UUID):
        if_match (None | str | Unset):
        body (File): A photo's bytes (schema only).
        body (File): A photo's bytes (schema only).
        body (File): A photo's bytes (schema only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
