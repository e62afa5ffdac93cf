from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.direction import Direction
from ..models.interaction_kind import InteractionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="Interaction")


@_attrs_define
class Interaction:
    """One time you were in touch with one or more contacts.

    Attributes:
        contact_ids (list[UUID]): The contacts who took part, in the order given.
        counts_as_touch (bool): Whether it resets the participants' cadence clock.
        created_at (datetime.datetime):
        direction (Direction): Who reached out: `outbound` (you), `inbound` (they), `mutual`.
        id (UUID):
        kind (InteractionKind): What kind of contact it was.
        occurred_at (datetime.datetime): When it happened.
        summary (str):  Example: Coffee at the conference.
        updated_at (datetime.datetime):
        version (int): Increases with every change; also sent as the `ETag`.
        follow_up_on (datetime.date | None | Unset): A date to follow up on, if any.
        notes (None | str | Unset):
    """

    contact_ids: list[UUID]
    counts_as_touch: bool
    created_at: datetime.datetime
    direction: Direction
    id: UUID
    kind: InteractionKind
    occurred_at: datetime.datetime
    summary: str
    updated_at: datetime.datetime
    version: int
    follow_up_on: datetime.date | None | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact_ids = []
        for contact_ids_item_data in self.contact_ids:
            contact_ids_item = str(contact_ids_item_data)
            contact_ids.append(contact_ids_item)

        counts_as_touch = self.counts_as_touch

        created_at = self.created_at.isoformat()

        direction = self.direction.value

        id = str(self.id)

        kind = self.kind.value

        occurred_at = self.occurred_at.isoformat()

        summary = self.summary

        updated_at = self.updated_at.isoformat()

        version = self.version

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact_ids": contact_ids,
                "counts_as_touch": counts_as_touch,
                "created_at": created_at,
                "direction": direction,
                "id": id,
                "kind": kind,
                "occurred_at": occurred_at,
                "summary": summary,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if follow_up_on is not UNSET:
            field_dict["follow_up_on"] = follow_up_on
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contact_ids = []
        _contact_ids = d.pop("contact_ids")
        for contact_ids_item_data in _contact_ids:
            contact_ids_item = UUID(contact_ids_item_data)

            contact_ids.append(contact_ids_item)

        counts_as_touch = d.pop("counts_as_touch")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        direction = Direction(d.pop("direction"))

        id = UUID(d.pop("id"))

        kind = InteractionKind(d.pop("kind"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        summary = d.pop("summary")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

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

        interaction = cls(
            contact_ids=contact_ids,
            counts_as_touch=counts_as_touch,
            created_at=created_at,
            direction=direction,
            id=id,
            kind=kind,
            occurred_at=occurred_at,
            summary=summary,
            updated_at=updated_at,
            version=version,
            follow_up_on=follow_up_on,
            notes=notes,
        )

        return interaction
