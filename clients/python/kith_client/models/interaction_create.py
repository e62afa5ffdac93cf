from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.direction import Direction
from ..models.interaction_kind import InteractionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="InteractionCreate")


@_attrs_define
class InteractionCreate:
    """A new interaction.

    Attributes:
        contact_ids (list[UUID]): 1–50 distinct ids of your contacts (not in the trash).
        direction (Direction): Who reached out: `outbound` (you), `inbound` (they), `mutual`.
        kind (InteractionKind): What kind of contact it was.
        summary (str):  Example: Coffee: her move to platform work.
        counts_as_touch (bool | Unset): Whether it resets the participants' cadence clock. Default: True.
        follow_up_on (datetime.date | None | Unset):
        notes (None | str | Unset):  Example: Wants an intro to someone at a payments company..
        occurred_at (datetime.datetime | None | Unset): Default: now. Not more than 24 hours in the future.
    """

    contact_ids: list[UUID]
    direction: Direction
    kind: InteractionKind
    summary: str
    counts_as_touch: bool | Unset = True
    follow_up_on: datetime.date | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    occurred_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact_ids = []
        for contact_ids_item_data in self.contact_ids:
            contact_ids_item = str(contact_ids_item_data)
            contact_ids.append(contact_ids_item)

        direction = self.direction.value

        kind = self.kind.value

        summary = self.summary

        counts_as_touch = self.counts_as_touch

        follow_up_on: None | str | Unset
        if isinstance(self.follow_up_on, Unset):
            follow_up_on = UNSET
        elif isinstance(self.follow_up_on, datetime.date):
            follow_up_on = self.follow_up_on.isoformat()
        else:
            follow_up_on = self.follow_up_on

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact_ids": contact_ids,
                "direction": direction,
                "kind": kind,
                "summary": summary,
            }
        )
        if counts_as_touch is not UNSET:
            field_dict["counts_as_touch"] = counts_as_touch
        if follow_up_on is not UNSET:
            field_dict["follow_up_on"] = follow_up_on
        if notes is not UNSET:
            field_dict["notes"] = notes
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contact_ids = []
        _contact_ids = d.pop("contact_ids")
        for contact_ids_item_data in _contact_ids:
            contact_ids_item = UUID(contact_ids_item_data)

            contact_ids.append(contact_ids_item)

        direction = Direction(d.pop("direction"))

        kind = InteractionKind(d.pop("kind"))

        summary = d.pop("summary")

        counts_as_touch = d.pop("counts_as_touch", UNSET)

        def _parse_follow_up_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                follow_up_on_type_0 = datetime.date.fromisoformat(data)

                return follow_up_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        follow_up_on = _parse_follow_up_on(d.pop("follow_up_on", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_occurred_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at", UNSET))

        interaction_create = cls(
            contact_ids=contact_ids,
            direction=direction,
            kind=kind,
            summary=summary,
            counts_as_touch=counts_as_touch,
            follow_up_on=follow_up_on,
            notes=notes,
            occurred_at=occurred_at,
        )

        return interaction_create
