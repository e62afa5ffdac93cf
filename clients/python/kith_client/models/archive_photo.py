from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ArchivePhoto")


@_attrs_define
class ArchivePhoto:
    """A contact's photo in an archive.

    Attributes:
        contact_id (UUID): The contact's id in the archive.
        content_type (str):  Example: image/jpeg.
        data (str): The image, in base64. Example:
            iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC.
    """

    contact_id: UUID
    content_type: str
    data: str

    def to_dict(self) -> dict[str, Any]:
        contact_id = str(self.contact_id)

        content_type = self.content_type

        data = self.data

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact_id": contact_id,
                "content_type": content_type,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))

        content_type = d.pop("content_type")

        data = d.pop("data")

        archive_photo = cls(
            contact_id=contact_id,
            content_type=content_type,
            data=data,
        )

        return archive_photo
