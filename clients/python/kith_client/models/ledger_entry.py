from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.favor_direction import FavorDirection
from ..models.favor_kind import FavorKind
from ..models.favor_status import FavorStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="LedgerEntry")


@_attrs_define
class LedgerEntry:
    """A favor, given or received, asked, promised or delivered.

    Attributes:
        contact_id (UUID):
        created_at (datetime.datetime):
        description (str):  Example: Reviewed her conference talk.
        direction (FavorDirection): `given`: you did it for them; `received`: they did it for you.
        id (UUID):
        kind (FavorKind): What kind of favor.
        status (FavorStatus): `open`: asked or promised, not yet delivered; `done`: delivered;
            `declined`; `cancelled`. Moves: open → done, declined or cancelled;
            done → cancelled.
        updated_at (datetime.datetime):
        version (int): Increases with every change; also sent as the `ETag`.
        weight (int): How big the favor was, 1–5.
        completed_on (datetime.date | None | Unset): Read-only: the day it was done.
        due_on (datetime.date | None | Unset): For open entries: when it is due.
        interaction_id (None | Unset | UUID): The interaction it happened in.
        introduction_id (None | Unset | UUID): Read-only: the introduction that recorded this entry.
        occurred_on (datetime.date | None | Unset): When it was asked, promised or done.
        repays_id (None | Unset | UUID): The earlier entry of the other direction that this one repays.
    """

    contact_id: UUID
    created_at: datetime.datetime
    description: str
    direction: FavorDirection
    id: UUID
    kind: FavorKind
    status: FavorStatus
    updated_at: datetime.datetime
    version: int
    weight: int
    completed_on: datetime.date | None | Unset = UNSET
    due_on: datetime.date | None | Unset = UNSET
    interaction_id: None | Unset | UUID = UNSET
    introduction_id: None | Unset | UUID = UNSET
    occurred_on: datetime.date | None | Unset = UNSET
    repays_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact_id = str(self.contact_id)

        created_at = self.created_at.isoformat()

        description = self.description

        direction = self.direction.value

        id = str(self.id)

        kind = self.kind.value

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        weight = self.weight

        completed_on: None | str | Unset
        if isinstance(self.completed_on, Unset):
            completed_on = UNSET
        elif isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        due_on: None | str | Unset
        if isinstance(self.due_on, Unset):
            due_on = UNSET
        elif isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        interaction_id: None | str | Unset
        if isinstance(self.interaction_id, Unset):
            interaction_id = UNSET
        elif isinstance(self.interaction_id, UUID):
            interaction_id = str(self.interaction_id)
        else:
            interaction_id = self.interaction_id

        introduction_id: None | str | Unset
        if isinstance(self.introduction_id, Unset):
            introduction_id = UNSET
        elif isinstance(self.introduction_id, UUID):
            introduction_id = str(self.introduction_id)
        else:
            introduction_id = self.introduction_id

        occurred_on: None | str | Unset
        if isinstance(self.occurred_on, Unset):
            occurred_on = UNSET
        elif isinstance(self.occurred_on, datetime.date):
            occurred_on = self.occurred_on.isoformat()
        else:
            occurred_on = self.occurred_on

        repays_id: None | str | Unset
        if isinstance(self.repays_id, Unset):
            repays_id = UNSET
        elif isinstance(self.repays_id, UUID):
            repays_id = str(self.repays_id)
        else:
            repays_id = self.repays_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact_id": contact_id,
                "created_at": created_at,
                "description": description,
                "direction": direction,
                "id": id,
                "kind": kind,
                "status": status,
                "updated_at": updated_at,
                "version": version,
                "weight": weight,
            }
        )
        if completed_on is not UNSET:
            field_dict["completed_on"] = completed_on
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if interaction_id is not UNSET:
            field_dict["interaction_id"] = interaction_id
        if introduction_id is not UNSET:
            field_dict["introduction_id"] = introduction_id
        if occurred_on is not UNSET:
            field_dict["occurred_on"] = occurred_on
        if repays_id is not UNSET:
            field_dict["repays_id"] = repays_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        direction = FavorDirection(d.pop("direction"))

        id = UUID(d.pop("id"))

        kind = FavorKind(d.pop("kind"))

        status = FavorStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        weight = d.pop("weight")

        def _parse_completed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)

                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        completed_on = _parse_completed_on(d.pop("completed_on", UNSET))

        def _parse_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_on = _parse_due_on(d.pop("due_on", UNSET))

        def _parse_interaction_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                interaction_id_type_0 = UUID(data)

                return interaction_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        interaction_id = _parse_interaction_id(d.pop("interaction_id", UNSET))

        def _parse_introduction_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                introduction_id_type_0 = UUID(data)

                return introduction_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        introduction_id = _parse_introduction_id(d.pop("introduction_id", UNSET))

        def _parse_occurred_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_on_type_0 = datetime.date.fromisoformat(data)

                return occurred_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        occurred_on = _parse_occurred_on(d.pop("occurred_on", UNSET))

        def _parse_repays_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                repays_id_type_0 = UUID(data)

                return repays_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        repays_id = _parse_repays_id(d.pop("repays_id", UNSET))

        ledger_entry = cls(
            contact_id=contact_id,
            created_at=created_at,
            description=description,
            direction=direction,
            id=id,
            kind=kind,
            status=status,
            updated_at=updated_at,
            version=version,
            weight=weight,
            completed_on=completed_on,
            due_on=due_on,
            interaction_id=interaction_id,
            introduction_id=introduction_id,
            occurred_on=occurred_on,
            repays_id=repays_id,
        )

        return ledger_entry
