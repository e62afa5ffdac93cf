from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.introduction_status import IntroductionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Introduction")


@_attrs_define
class Introduction:
    """An introduction: the introducer (you, when `null`) puts person A (you,
    when `null`) in touch with person B.

        Attributes:
            created_at (datetime.datetime):
            id (UUID):
            person_b_id (UUID):
            status (IntroductionStatus):
            updated_at (datetime.datetime):
            version (int):
            introducer_id (None | Unset | UUID): The contact who made the introduction; `null`: you did.
            made_on (datetime.date | None | Unset): The day it was made.
            note (None | str | Unset):
            outcome (None | str | Unset): How it went.
            person_a_id (None | Unset | UUID): `null`: you were introduced.
    """

    created_at: datetime.datetime
    id: UUID
    person_b_id: UUID
    status: IntroductionStatus
    updated_at: datetime.datetime
    version: int
    introducer_id: None | Unset | UUID = UNSET
    made_on: datetime.date | None | Unset = UNSET
    note: None | str | Unset = UNSET
    outcome: None | str | Unset = UNSET
    person_a_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        person_b_id = str(self.person_b_id)

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        introducer_id: None | str | Unset
        if isinstance(self.introducer_id, Unset):
            introducer_id = UNSET
        elif isinstance(self.introducer_id, UUID):
            introducer_id = str(self.introducer_id)
        else:
            introducer_id = self.introducer_id

        made_on: None | str | Unset
        if isinstance(self.made_on, Unset):
            made_on = UNSET
        elif isinstance(self.made_on, datetime.date):
            made_on = self.made_on.isoformat()
        else:
            made_on = self.made_on

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        person_a_id: None | str | Unset
        if isinstance(self.person_a_id, Unset):
            person_a_id = UNSET
        elif isinstance(self.person_a_id, UUID):
            person_a_id = str(self.person_a_id)
        else:
            person_a_id = self.person_a_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "person_b_id": person_b_id,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if introducer_id is not UNSET:
            field_dict["introducer_id"] = introducer_id
        if made_on is not UNSET:
            field_dict["made_on"] = made_on
        if note is not UNSET:
            field_dict["note"] = note
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if person_a_id is not UNSET:
            field_dict["person_a_id"] = person_a_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        person_b_id = UUID(d.pop("person_b_id"))

        status = IntroductionStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_introducer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                introducer_id_type_0 = UUID(data)

                return introducer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        introducer_id = _parse_introducer_id(d.pop("introducer_id", UNSET))

        def _parse_made_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                made_on_type_0 = datetime.date.fromisoformat(data)

                return made_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        made_on = _parse_made_on(d.pop("made_on", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_person_a_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_a_id_type_0 = UUID(data)

                return person_a_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        person_a_id = _parse_person_a_id(d.pop("person_a_id", UNSET))

        introduction = cls(
            created_at=created_at,
            id=id,
            person_b_id=person_b_id,
            status=status,
            updated_at=updated_at,
            version=version,
            introducer_id=introducer_id,
            made_on=made_on,
            note=note,
            outcome=outcome,
            person_a_id=person_a_id,
        )

        return introduction
