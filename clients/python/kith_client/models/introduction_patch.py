from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.introduction_status import IntroductionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="IntroductionPatch")


@_attrs_define
class IntroductionPatch:
    """A JSON merge patch of an introduction: an absent field is kept, `null`
    clears it (`person_b_id` and `status` cannot be cleared).

        Attributes:
            introducer_id (None | Unset | UUID):
            made_on (datetime.date | None | Unset):
            note (None | str | Unset):  Example: Both are hiring Rust engineers in Lisbon.
            outcome (None | str | Unset):  Example: They met for lunch.
            person_a_id (None | Unset | UUID):
            person_b_id (UUID | Unset):
            status (IntroductionStatus | Unset):
    """

    introducer_id: None | Unset | UUID = UNSET
    made_on: datetime.date | None | Unset = UNSET
    note: None | str | Unset = UNSET
    outcome: None | str | Unset = UNSET
    person_a_id: None | Unset | UUID = UNSET
    person_b_id: UUID | Unset = UNSET
    status: IntroductionStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        person_b_id: str | Unset = UNSET
        if not isinstance(self.person_b_id, Unset):
            person_b_id = str(self.person_b_id)

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
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
        if person_b_id is not UNSET:
            field_dict["person_b_id"] = person_b_id
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

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

        _person_b_id = d.pop("person_b_id", UNSET)
        person_b_id: UUID | Unset
        if isinstance(_person_b_id, Unset):
            person_b_id = UNSET
        else:
            person_b_id = UUID(_person_b_id)

        _status = d.pop("status", UNSET)
        status: IntroductionStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = IntroductionStatus(_status)

        introduction_patch = cls(
            introducer_id=introducer_id,
            made_on=made_on,
            note=note,
            outcome=outcome,
            person_a_id=person_a_id,
            person_b_id=person_b_id,
            status=status,
        )

        return introduction_patch
