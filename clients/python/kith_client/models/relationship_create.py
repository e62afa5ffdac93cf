from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.relationship_kind import RelationshipKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="RelationshipCreate")


@_attrs_define
class RelationshipCreate:
    """A new relationship.

    Attributes:
        contact_id (UUID):
        kind (RelationshipKind): Symmetric kinds read the same from both sides; `mentor_of` and
            `mentee_of` are each other's inverse.
        other_id (UUID): Another contact than `contact_id`.
        note (None | str | Unset):  Example: Worked together at Initech.
        strength (int | Unset):  Default: 3.
    """

    contact_id: UUID
    kind: RelationshipKind
    other_id: UUID
    note: None | str | Unset = UNSET
    strength: int | Unset = 3

    def to_dict(self) -> dict[str, Any]:
        contact_id = str(self.contact_id)

        kind = self.kind.value

        other_id = str(self.other_id)

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        strength = self.strength

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact_id": contact_id,
                "kind": kind,
                "other_id": other_id,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if strength is not UNSET:
            field_dict["strength"] = strength

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))

        kind = RelationshipKind(d.pop("kind"))

        other_id = UUID(d.pop("other_id"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        strength = d.pop("strength", UNSET)

        relationship_create = cls(
            contact_id=contact_id,
            kind=kind,
            other_id=other_id,
            note=note,
            strength=strength,
        )

        return relationship_create
