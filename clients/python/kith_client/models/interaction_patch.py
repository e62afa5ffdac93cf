from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.direction import Direction
from ..models.interaction_kind import InteractionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="InteractionPatch")


@_attrs_define
class InteractionPatch:
    """A JSON merge patch of an interaction: an absent field is kept; `notes`
    and `follow_up_on` are cleared by `null`, the others cannot be.

        Attributes:
            contact_ids (list[UUID] | Unset): 1–50 distinct ids of your contacts.
            counts_as_touch (bool | Unset):
            direction (Direction | Unset): Who reached out: `outbound` (you), `inbound` (they), `mutual`.
            follow_up_on (datetime.date | None | Unset):
            kind (InteractionKind | Unset): What kind of contact it was.
            notes (None | str | Unset):  Example: Sent the article she asked for..
            occurred_at (datetime.datetime | Unset): Not more than 24 hours in the future.
            summary (str | Unset):  Example: Coffee: her move to platform work.
    """

    contact_ids: list[UUID] | Unset = UNSET
    counts_as_touch: bool | Unset = UNSET
    direction: Direction | Unset = UNSET
    follow_up_on: datetime.date | None | Unset = UNSET
    kind: InteractionKind | Unset = UNSET
    notes: None | str | Unset = UNSET
    occurred_at: datetime.datetime | Unset = UNSET
    summary: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact_ids: list[str] | Unset = UNSET
        if not isinstance(self.contact_ids, Unset):
            contact_ids = []
            for contact_ids_item_data in self.contact_ids:
                contact_ids_item = str(contact_ids_item_data)
                contact_ids.append(contact_ids_item)

        counts_as_touch = self.counts_as_touch

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        follow_up_on: None | str | Unset
        if isinstance(self.follow_up_on, Unset):
            follow_up_on = UNSET
        elif isinstance(self.follow_up_on, datetime.date):
            follow_up_on = self.follow_up_on.isoformat()
        else:
            follow_up_on = self.follow_up_on

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        occurred_at: str | Unset = UNSET
        if not isinstance(self.occurred_at, Unset):
            occurred_at = self.occurred_at.isoformat()

        summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if contact_ids is not UNSET:
            field_dict["contact_ids"] = contact_ids
        if counts_as_touch is not UNSET:
            field_dict["counts_as_touch"] = counts_as_touch
        if direction is not UNSET:
            field_dict["direction"] = direction
        if follow_up_on is not UNSET:
            field_dict["follow_up_on"] = follow_up_on
        if kind is not UNSET:
            field_dict["kind"] = kind
        if notes is not UNSET:
            field_dict["notes"] = notes
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _contact_ids = d.pop("contact_ids", UNSET)
        contact_ids: list[UUID] | Unset = UNSET
        if _contact_ids is not UNSET:
            contact_ids = []
            for contact_ids_item_data in _contact_ids:
                contact_ids_item = UUID(contact_ids_item_data)

                contact_ids.append(contact_ids_item)

        counts_as_touch = d.pop("counts_as_touch", UNSET)

        _direction = d.pop("direction", UNSET)
        direction: Direction | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = Direction(_direction)

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

        _kind = d.pop("kind", UNSET)
        kind: InteractionKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = InteractionKind(_kind)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        _occurred_at = d.pop("occurred_at", UNSET)
        occurred_at: datetime.datetime | Unset
        if isinstance(_occurred_at, Unset):
            occurred_at = UNSET
        else:
            occurred_at = datetime.datetime.fromisoformat(_occurred_at)

        summary = d.pop("summary", UNSET)

        interaction_patch = cls(
            contact_ids=contact_ids,
            counts_as_touch=counts_as_touch,
            direction=direction,
            follow_up_on=follow_up_on,
            kind=kind,
            notes=notes,
            occurred_at=occurred_at,
            summary=summary,
        )

        return interaction_patch
