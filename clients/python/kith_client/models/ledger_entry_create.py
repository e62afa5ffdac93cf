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

T = TypeVar("T", bound="LedgerEntryCreate")


@_attrs_define
class LedgerEntryCreate:
    """A new ledger entry.

    Attributes:
        contact_id (UUID):
        description (str):  Example: Reviewed her conference talk.
        direction (FavorDirection): `given`: you did it for them; `received`: they did it for you.
        kind (FavorKind): What kind of favor.
        due_on (datetime.date | None | Unset): Only for open entries.
        interaction_id (None | Unset | UUID):
        occurred_on (datetime.date | None | Unset): Default: today (UTC) when done.
        repays_id (None | Unset | UUID):
        status (FavorStatus | Unset): `open`: asked or promised, not yet delivered; `done`: delivered;
            `declined`; `cancelled`. Moves: open → done, declined or cancelled;
            done → cancelled.
        weight (int | Unset):  Default: 1.
    """

    contact_id: UUID
    description: str
    direction: FavorDirection
    kind: FavorKind
    due_on: datetime.date | None | Unset = UNSET
    interaction_id: None | Unset | UUID = UNSET
    occurred_on: datetime.date | None | Unset = UNSET
    repays_id: None | Unset | UUID = UNSET
    status: FavorStatus | Unset = UNSET
    weight: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        contact_id = str(self.contact_id)

        description = self.description

        direction = self.direction.value

        kind = self.kind.value

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

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        weight = self.weight

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact_id": contact_id,
                "description": description,
                "direction": direction,
                "kind": kind,
            }
        )
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if interaction_id is not UNSET:
            field_dict["interaction_id"] = interaction_id
        if occurred_on is not UNSET:
            field_dict["occurred_on"] = occurred_on
        if repays_id is not UNSET:
            field_dict["repays_id"] = repays_id
        if status is not UNSET:
            field_dict["status"] = status
        if weight is not UNSET:
            field_dict["weight"] = weight

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))

        description = d.pop("description")

        direction = FavorDirection(d.pop("direction"))

        kind = FavorKind(d.pop("kind"))

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

        _status = d.pop("status", UNSET)
        status: FavorStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = FavorStatus(_status)

        weight = d.pop("weight", UNSET)

        ledger_entry_create = cls(
            contact_id=contact_id,
            description=description,
            direction=direction,
            kind=kind,
            due_on=due_on,
            interaction_id=interaction_id,
            occurred_on=occurred_on,
            repays_id=repays_id,
            status=status,
            weight=weight,
        )

        return ledger_entry_create
