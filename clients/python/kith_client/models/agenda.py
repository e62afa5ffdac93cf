from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

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

    def to_dict(self) -> dict[str, Any]:
        generated_at = self.generated_at.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        truncated = self.truncated

        field_dict: dict[str, Any] = {}

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

        return agenda
