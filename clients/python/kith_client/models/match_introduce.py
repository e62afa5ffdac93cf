from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MatchIntroduce")


@_attrs_define
class MatchIntroduce:
    """Propose the introduction that meets an ask with an offer.

    Attributes:
        ask_id (UUID): An open ask of a contact of yours. Example: 01936f4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f.
        offer_id (UUID): An open offer of another contact of yours. Example: 01936f4e-9b3c-7d4e-8f5a-6b7c8d9e0f1a.
        note (None | str | Unset): The introduction's note; default: what the ask and the offer are.
    """

    ask_id: UUID
    offer_id: UUID
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ask_id = str(self.ask_id)

        offer_id = str(self.offer_id)

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ask_id": ask_id,
                "offer_id": offer_id,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ask_id = UUID(d.pop("ask_id"))

        offer_id = UUID(d.pop("offer_id"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        match_introduce = cls(
            ask_id=ask_id,
            offer_id=offer_id,
            note=note,
        )

        return match_introduce
