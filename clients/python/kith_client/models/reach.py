from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.reach_item import ReachItem


T = TypeVar("T", bound="Reach")


@_attrs_define
class Reach:
    """Who can introduce you, best first.

    Attributes:
        items (list[ReachItem]):
        truncated (bool): More targets have a path than `limit` let through (or the filters
            matched more than 5,000 contacts, the most a query considers):
            narrow the filters or raise `limit`.
    """

    items: list[ReachItem]
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
        from ..models.reach_item import ReachItem

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ReachItem.from_dict(items_item_data)

            items.append(items_item)

        truncated = d.pop("truncated")

        reach = cls(
            items=items,
            truncated=truncated,
        )

        return reach
