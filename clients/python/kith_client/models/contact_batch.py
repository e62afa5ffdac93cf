from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.contact_batch_item import ContactBatchItem


T = TypeVar("T", bound="ContactBatch")


@_attrs_define
class ContactBatch:
    """Contacts to create or update in one request (`POST /v1/contacts/batch`;
    schema only: each item is read on its own, so a bad one fails alone).

        Attributes:
            items (list[ContactBatchItem]): 1–500 contacts, each applied in order.
    """

    items: list[ContactBatchItem]

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_batch_item import ContactBatchItem

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ContactBatchItem.from_dict(items_item_data)

            items.append(items_item)

        contact_batch = cls(
            items=items,
        )

        return contact_batch
