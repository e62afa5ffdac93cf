from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.batch_item_result import BatchItemResult


T = TypeVar("T", bound="BatchReport")


@_attrs_define
class BatchReport:
    """The result of a batch, item by item.

    Attributes:
        created (int):
        failed (int):
        items (list[BatchItemResult]):
        unchanged (int):
        updated (int):
    """

    created: int
    failed: int
    items: list[BatchItemResult]
    unchanged: int
    updated: int

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        failed = self.failed

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        unchanged = self.unchanged

        updated = self.updated

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "created": created,
                "failed": failed,
                "items": items,
                "unchanged": unchanged,
                "updated": updated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_item_result import BatchItemResult

        d = dict(src_dict)
        created = d.pop("created")

        failed = d.pop("failed")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = BatchItemResult.from_dict(items_item_data)

            items.append(items_item)

        unchanged = d.pop("unchanged")

        updated = d.pop("updated")

        batch_report = cls(
            created=created,
            failed=failed,
            items=items,
            unchanged=unchanged,
            updated=updated,
        )

        return batch_report
