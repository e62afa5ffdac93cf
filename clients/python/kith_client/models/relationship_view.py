from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.relationship_kind import RelationshipKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.other_contact import OtherContact


T = TypeVar("T", bound="RelationshipView")


@_attrs_define
class RelationshipView:
    """A relationship seen from one contact.

    Attributes:
        contact_id (UUID): The contact it is seen from.
        id (UUID):
        kind (RelationshipKind): Symmetric kinds read the same from both sides; `mentor_of` and
            `mentee_of` are each other's inverse.
        other (OtherContact): The other side of a relationship.
        strength (int):
        note (None | str | Unset):
    """

    contact_id: UUID
    id: UUID
    kind: RelationshipKind
    other: OtherContact
    strength: int
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact_id = str(self.contact_id)

        id = str(self.id)

        kind = self.kind.value

        other = self.other.to_dict()

        strength = self.strength

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact_id": contact_id,
                "id": id,
                "kind": kind,
                "other": other,
                "strength": strength,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.other_contact import OtherContact

        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))

        id = UUID(d.pop("id"))

        kind = RelationshipKind(d.pop("kind"))

        other = OtherContact.from_dict(d.pop("other"))

        strength = d.pop("strength")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        relationship_view = cls(
            contact_id=contact_id,
            id=id,
            kind=kind,
            other=other,
            strength=strength,
            note=note,
        )

        return relationship_view
