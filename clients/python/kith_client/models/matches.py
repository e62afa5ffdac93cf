from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.match import Match


T = TypeVar("T", bound="Matches")


@_attrs_define
class Matches:
    """The best matches first.

    Attributes:
        items (list[Match]):
        truncated (bool): More matches stand than `limit` let through.
    """

    items: list[Match]
    truncated: bool

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        truncated = self.truncated

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
                "truncated": truncated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.match import Match

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Match.from_dict(items_item_data)

            items.append(items_item)

        truncated = d.pop("truncated")

        matches = cls(
            items=items,
            truncated=truncated,
        )

        return matches
