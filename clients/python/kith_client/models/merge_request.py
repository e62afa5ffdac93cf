from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="MergeRequest")


@_attrs_define
class MergeRequest:
    """The contacts to merge into the one the path names.

    Attributes:
        ids (list[str]): 1–20 distinct ids of your contacts outside the trash, other than the
            kept one. Example: ['01J9Z7Y1Q4R8X2V6T3M5N0B7CD'].
    """

    ids: list[str]

    def to_dict(self) -> dict[str, Any]:
        ids = self.ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ids": ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ids = cast(list[str], d.pop("ids"))

        merge_request = cls(
            ids=ids,
        )

        return merge_request
