from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="DuplicateMember")


@_attrs_define
class DuplicateMember:
    """A contact of a duplicate group.

    Attributes:
        display_name (str):
        id (UUID):
    """

    display_name: str
    id: UUID

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        id = str(self.id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "display_name": display_name,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        id = UUID(d.pop("id"))

        duplicate_member = cls(
            display_name=display_name,
            id=id,
        )

        return duplicate_member
