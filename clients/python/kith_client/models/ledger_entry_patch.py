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

T = TypeVar("T", bound="LedgerEntryPatch")


@_attrs_define
class LedgerEntryPatch:
    """A JSON merge patch of a ledger entry: an absent field is kept; the dates
    and links are cleared by `null`, the others cannot be.

        Attributes:
            contact_id (UUID | Unset):
            description (str | Unset):  Example: Reviewed her conference talk and slides.
            direction (FavorDirection | Unset): `given`: you did it for them; `received`: they did it for you.
            due_on (datetime.date | None | Unset):
            interaction_id (None | Unset | UUID):
            kind (FavorKind | Unset): What kind of favor.
            occurred_on (datetime.date | None | Unset):
            repays_id (None | Unset | UUID):
            status (FavorStatus | Unset): `open`: asked or promised, not yet delivered; `done`: delivered;
                `declined`; `cancelled`. Moves: open → done, declined or cancelled;
                done → cancelled.
            weight (int | Unset):
    """

    contact_id: UUID | Unset = UNSET
    description: str | Unset = UNSET
    direction: FavorDirection | Unset = UNSET
    due_on: datetime.date | None | Unset = UNSET
    interaction_id: None | Unset | UUID = UNSET
    kind: FavorKind | Unset = UNSET
    occurred_on: datetime.date | None | Unset = UNSET
    repays_id: None | Unset | UUID = UNSET
    status: FavorStatus | Unset = UNSET
    weight: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact_id: str | Unset = UNSET
        if not isinstance(self.contact_id, Unset):
            contact_id = str(self.contact_id)

        description = self.description

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

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

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

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

        field_dict.update({})
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if description is not UNSET:
            field_dict["description"] = description
        if direction is not UNSET:
            field_dict["direction"] = direction
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if interaction_id is not UNSET:
            field_dict["interaction_id"] = interaction_id
        if kind is not UNSET:
            field_dict["kind"] = kind
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
        _contact_id = d.pop("contact_id", UNSET)
        contact_id: UUID | Unset
        if isinstance(_contact_id, Unset):
            contact_id = UNSET
        else:
            contact_id = UUID(_contact_id)

        description = d.pop("description", UNSET)

        _direction = d.pop("direction", UNSET)
        direction: FavorDirection | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = FavorDirection(_direction)

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

        _kind = d.pop("kind", UNSET)
        kind: FavorKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = FavorKind(_kind)

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

        ledger_entry_patch = cls(
            contact_id=contact_id,
            description=description,
            direction=direction,
            due_on=due_on,
            interaction_id=interaction_id,
            kind=kind,
            occurred_on=occurred_on,
            repays_id=repays_id,
            status=status,
            weight=weight,
        )

        return ledger_entry_patch
