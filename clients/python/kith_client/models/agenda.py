from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agenda_item import AgendaItem


T = TypeVar("T", bound="Agenda")


@_attrs_define
class Agenda:
    """The agenda.

    Attributes:
        generated_at (datetime.datetime):
        items (list[AgendaItem]): Overdue items first, most overdue (relative to cadence) first; then
            every other item by date.
        truncated (bool): More items are due in the window than `limit` let through: ask with a
            higher `limit` (up to 500) or a shorter window.
    """

    generated_at: datetime.datetime
    items: list[AgendaItem]
    truncated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        generated_at = self.generated_at.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        truncated = self.truncated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "generated_at": generated_at,
                "items": items,
                "truncated": truncated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agenda_item import AgendaItem

        d = dict(src_dict)
        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = AgendaItem.from_dict(items_item_data)

            items.append(items_item)

        truncated = d.pop("truncated")

        agenda = cls(
            generated_at=generated_at,
            items=items,
            truncated=truncated,
        )

        agenda.additional_properties = d
        return agenda

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
