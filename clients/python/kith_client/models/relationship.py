from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.relationship_kind import RelationshipKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="Relationship")


@_attrs_define
class Relationship:
    """How two of your contacts are related.

    Attributes:
        contact_id (UUID):
        created_at (datetime.datetime):
        id (UUID):
        kind (RelationshipKind): Symmetric kinds read the same from both sides; `mentor_of` and
            `mentee_of` are each other's inverse.
        other_id (UUID):
        strength (int): 1 (weak) to 5 (strong).
        updated_at (datetime.datetime):
        version (int):
        note (None | str | Unset):
    """

    contact_id: UUID
    created_at: datetime.datetime
    id: UUID
    kind: RelationshipKind
    other_id: UUID
    strength: int
    updated_at: datetime.datetime
    version: int
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact_id = str(self.contact_id)

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        other_id = str(self.other_id)

        strength = self.strength

        updated_at = self.updated_at.isoformat()

        version = self.version

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact_id": contact_id,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "other_id": other_id,
                "strength": strength,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = RelationshipKind(d.pop("kind"))

        other_id = UUID(d.pop("other_id"))

        strength = d.pop("strength")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        relationship = cls(
            contact_id=contact_id,
            created_at=created_at,
            id=id,
            kind=kind,
            other_id=other_id,
            strength=strength,
            updated_at=updated_at,
            version=version,
            note=note,
        )

        return relationship
