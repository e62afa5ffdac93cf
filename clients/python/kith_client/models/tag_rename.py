from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TagRename")


@_attrs_define
class TagRename:
    """Rename a tag (merging into an existing one of that name).

    Attributes:
        name (str): Stored trimmed and in lower case. Example: mentors.
    """

    name: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        tag_rename = cls(
            name=name,
        )

        return tag_rename
