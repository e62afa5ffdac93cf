from http import HTTPStatus
from io import BytesIO
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_contact_photo_size import GetContactPhotoSize
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    size: GetContactPhotoSize | Unset = UNSET,
    v: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_size: str | Unset = UNSET
    if not isinstance(size, Unset):
        json_size = size.value

    params["size"] = json_size

    params["v"] = v

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/contacts/{id}/photo".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Any | File | Problem]:
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
    size: GetContactPhotoSize | Unset = UNSET,
    v: str | Unset = UNSET,
) -> Response[Any | File | Problem]:
    """A contact's photo.

     Its `ETag` names the photo and size; `If-None-Match` with it answers
    `304`. Read at the `photo_url` the contact shows (its `v` is the
    photo's version), the answer may be cached for good; otherwise it is to
    be checked again each time.

    Args:
        id (UUID):
        size (GetContactPhotoSize | Unset): The sizes a photo is read at.
        v (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        size=size,
        v=v,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    size: GetContactPhotoSize | Unset = UNSET,
    v: str | Unset = UNSET,
) -> Any | File | Problem | None:
    """A contact's photo.

     Its `ETag` names the photo and size; `If-None-Match` with it answers
    `304`. Read at the `photo_url` the contact shows (its `v` is the
    photo's version), the answer may be cached for good; otherwise it is to
    be checked again each time.

    Args:
        id (UUID):
        size (GetContactPhotoSize | Unset): The sizes a photo is read at.
        v (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        size=size,
        v=v,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    size: GetContactPhotoSize | Unset = UNSET,
    v: str | Unset = UNSET,
) -> Response[Any | File | Problem]:
    """A contact's photo.

     Its `ETag` names the photo and size; `If-None-Match` with it answers
    `304`. Read at the `photo_url` the contact shows (its `v` is the
    photo's version), the answer may be cached for good; otherwise it is to
    be checked again each time.

    Args:
        id (UUID):
        size (GetContactPhotoSize | Unset): The sizes a photo is read at.
        v (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        size=size,
        v=v,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    size: GetContactPhotoSize | Unset = UNSET,
    v: str | Unset = UNSET,
) -> Any | File | Problem | None:
    """A contact's photo.

     Its `ETag` names the photo and size; `If-None-Match` with it answers
    `304`. Read at the `photo_url` the contact shows (its `v` is the
    photo's version), the answer may be cached for good; otherwise it is to
    be checked again each time.

    Args:
        id (UUID):
        size (GetContactPhotoSize | Unset): The sizes a photo is read at.
        v (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            size=size,
            v=v,
        )
    ).parsed
