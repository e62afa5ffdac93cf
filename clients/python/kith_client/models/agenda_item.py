from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.item_type import ItemType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AgendaItem")


@_attrs_define
class AgendaItem:
    """One thing that needs attention.

    Attributes:
        contact_id (UUID):
        date (datetime.date): The day it concerns: the due date, the follow-up date, the birthday's
            next occurrence.
        display_name (str):
        reason (str): The reason, in plain language. Example: last talked 45 days ago; you aim for every 30.
        type_ (ItemType): Why an item is on the agenda.
        days_overdue (int | None | Unset): Whole days past `date` (for past items).
        days_until (int | None | Unset): Whole days until `date` (for items today or later).
        interaction_id (None | Unset | UUID): The interaction it stems from, where one applies.
        introduction_id (None | Unset | UUID): The introduction it stems from, where one applies.
        ledger_entry_id (None | Unset | UUID): The ledger entry it stems from, where one applies.
        need_id (None | Unset | UUID): The need it stems from (`can_help`: their ask; `need_expiring`).
        other_contact_id (None | Unset | UUID): The other contact of an `intro_suggestion`.
    """

    contact_id: UUID
    date: datetime.date
    display_name: str
    reason: str
    type_: ItemType
    days_overdue: int | None | Unset = UNSET
    days_until: int | None | Unset = UNSET
    interaction_id: None | Unset | UUID = UNSET
    introduction_id: None | Unset | UUID = UNSET
    ledger_entry_id: None | Unset | UUID = UNSET
    need_id: None | Unset | UUID = UNSET
    other_contact_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact_id = str(self.contact_id)

        date = self.date.isoformat()

        display_name = self.display_name

        reason = self.reason

        type_ = self.type_.value

        days_overdue: int | None | Unset
        if isinstance(self.days_overdue, Unset):
            days_overdue = UNSET
        else:
            days_overdue = self.days_overdue

        days_until: int | None | Unset
        if isinstance(self.days_until, Unset):
            days_until = UNSET
        else:
            days_until = self.days_until

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

        ledger_entry_id: None | str | Unset
        if isinstance(self.ledger_entry_id, Unset):
            ledger_entry_id = UNSET
        elif isinstance(self.ledger_entry_id, UUID):
            ledger_entry_id = str(self.ledger_entry_id)
        else:
            ledger_entry_id = self.ledger_entry_id

        need_id: None | str | Unset
        if isinstance(self.need_id, Unset):
            need_id = UNSET
        elif isinstance(self.need_id, UUID):
            need_id = str(self.need_id)
        else:
            need_id = self.need_id

        other_contact_id: None | str | Unset
        if isinstance(self.other_contact_id, Unset):
            other_contact_id = UNSET
        elif isinstance(self.other_contact_id, UUID):
            other_contact_id = str(self.other_contact_id)
        else:
            other_contact_id = self.other_contact_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact_id": contact_id,
                "date": date,
                "display_name": display_name,
                "reason": reason,
                "type": type_,
            }
        )
        if days_overdue is not UNSET:
            field_dict["days_overdue"] = days_overdue
        if days_until is not UNSET:
            field_dict["days_until"] = days_until
        if interaction_id is not UNSET:
            field_dict["interaction_id"] = interaction_id
        if introduction_id is not UNSET:
            field_dict["introduction_id"] = introduction_id
        if ledger_entry_id is not UNSET:
            field_dict["ledger_entry_id"] = ledger_entry_id
        if need_id is not UNSET:
            field_dict["need_id"] = need_id
        if other_contact_id is not UNSET:
            field_dict["other_contact_id"] = other_contact_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))

        date = datetime.date.fromisoformat(d.pop("date"))

        display_name = d.pop("display_name")

        reason = d.pop("reason")

        type_ = ItemType(d.pop("type"))

        def _parse_days_overdue(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        days_overdue = _parse_days_overdue(d.pop("days_overdue", UNSET))

        def _parse_days_until(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        days_until = _parse_days_until(d.pop("days_until", UNSET))

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

        def _parse_ledger_entry_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ledger_entry_id_type_0 = UUID(data)

                return ledger_entry_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        ledger_entry_id = _parse_ledger_entry_id(d.pop("ledger_entry_id", UNSET))

        def _parse_need_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                need_id_type_0 = UUID(data)

                return need_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        need_id = _parse_need_id(d.pop("need_id", UNSET))

        def _parse_other_contact_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                other_contact_id_type_0 = UUID(data)

                return other_contact_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        other_contact_id = _parse_other_contact_id(d.pop("other_contact_id", UNSET))

        agenda_item = cls(
            contact_id=contact_id,
            date=date,
            display_name=display_name,
            reason=reason,
            type_=type_,
            days_overdue=days_overdue,
            days_until=days_until,
            interaction_id=interaction_id,
            introduction_id=introduction_id,
            ledger_entry_id=ledger_entry_id,
            need_id=need_id,
            other_contact_id=other_contact_id,
        )

        return agenda_item
