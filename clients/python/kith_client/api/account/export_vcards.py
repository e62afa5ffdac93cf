from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_vcards_version import ExportVcardsVersion
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    tag: str | Unset = UNSET,
    ids: str | Unset = UNSET,
    version: ExportVcardsVersion | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["tag"] = tag

    params["ids"] = ids

    json_version: str | Unset = UNSET
    if not isinstance(version, Unset):
        json_version = version.value

    params["version"] = json_version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/export/vcard",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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
) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    tag: str | Unset = UNSET,
    ids: str | Unset = UNSET,
    version: ExportVcardsVersion | Unset = UNSET,
) -> Response[Problem | str]:
    """Contacts as one vCard file.

     Your contacts outside the trash, by name (with `tag`, only those with
    it; with `ids`, only those of them; an id that names none of yours is
    left out), each as `GET /v1/contacts/{id}/vcard` writes it.

    Args:
        tag (str | Unset):
        ids (str | Unset):
        version (ExportVcardsVersion | Unset): The vCard version written.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        tag=tag,
        ids=ids,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    tag: str | Unset = UNSET,
    ids: str | Unset = UNSET,
    version: ExportVcardsVersion | Unset = UNSET,
) -> Problem | str | None:
    """Contacts as one vCard file.

     Your contacts outside the trash, by name (with `tag`, only those with
    it; with `ids`, only those of them; an id that names none of yours is
    left out), each as `GET /v1/contacts/{id}/vcard` writes it.

    Args:
        tag (str | Unset):
        ids (str | Unset):
        version (ExportVcardsVersion | Unset): The vCard version written.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        tag=tag,
        ids=ids,
        version=version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    tag: str | Unset = UNSET,
    ids: str | Unset = UNSET,
    version: ExportVcardsVersion | Unset = UNSET,
) -> Response[Problem | str]:
    """Contacts as one vCard file.

     Your contacts outside the trash, by name (with `tag`, only those with
    it; with `ids`, only those of them; an id that names none of yours is
    left out), each as `GET /v1/contacts/{id}/vcard` writes it.

    Args:
        tag (str | Unset):
        ids (str | Unset):
        version (ExportVcardsVersion | Unset): The vCard version written.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        tag=tag,
        ids=ids,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    tag: str | Unset = UNSET,
    ids: str | Unset = UNSET,
    version: ExportVcardsVersion | Unset = UNSET,
) -> Problem | str | None:
    """Contacts as one vCard file.

     Your contacts outside the trash, by name (with `tag`, only those with
    it; with `ids`, only those of them; an id that names none of yours is
    left out), each as `GET /v1/contacts/{id}/vcard` writes it.

    Args:
        tag (str | Unset):
        ids (str | Unset):
        version (ExportVcardsVersion | Unset): The vCard version written.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            tag=tag,
            ids=ids,
            version=version,
        )
    ).parsed
