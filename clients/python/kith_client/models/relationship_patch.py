from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.relationship_kind import RelationshipKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="RelationshipPatch")


@_attrs_define
class RelationshipPatch:
    """A JSON merge patch of a relationship: an absent field is kept, a `null`
    note is cleared.

        Attributes:
            kind (RelationshipKind | Unset): Symmetric kinds read the same from both sides; `mentor_of` and
                `mentee_of` are each other's inverse.
            note (None | str | Unset):  Example: Co-founded a startup in 2024.
            strength (int | Unset):
    """

    kind: RelationshipKind | Unset = UNSET
    note: None | str | Unset = UNSET
    strength: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        strength = self.strength

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if kind is not UNSET:
            field_dict["kind"] = kind
        if note is not UNSET:
            field_dict["note"] = note
        if strength is not UNSET:
            field_dict["strength"] = strength

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _kind = d.pop("kind", UNSET)
        kind: RelationshipKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = RelationshipKind(_kind)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        strength = d.pop("strength", UNSET)

        relationship_patch = cls(
            kind=kind,
            note=note,
            strength=strength,
        )

        return relationship_patch
