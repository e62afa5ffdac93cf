from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Moved")


@_attrs_define
class Moved:
    """How many of a kind of record moved to the kept contact, and how many were
    deleted because they would have repeated one it has.

        Attributes:
            interactions (int): Interactions that now include the kept contact (each contact takes
                part once).
            introductions (int): Introductions now naming the kept contact.
            introductions_deleted (int): Introductions deleted because the kept contact would be two of their
                people (with the ledger entries they made).
            ledger_entries (int): Ledger entries now with the kept contact.
            met_via (int): Contacts met via a merged contact, now met via the kept one.
            needs (int): Needs and offers now of the kept contact.
            relationships (int): Relationships now of the kept contact.
            relationships_deleted (int): Relationships deleted: between the merged contacts, or the same kind
                the kept contact already has with that person.
    """

    interactions: int
    introductions: int
    introductions_deleted: int
    ledger_entries: int
    met_via: int
    needs: int
    relationships: int
    relationships_deleted: int

    def to_dict(self) -> dict[str, Any]:
        interactions = self.interactions

        introductions = self.introductions

        introductions_deleted = self.introductions_deleted

        ledger_entries = self.ledger_entries

        met_via = self.met_via

        needs = self.needs

        relationships = self.relationships

        relationships_deleted = self.relationships_deleted

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "interactions": interactions,
                "introductions": introductions,
                "introductions_deleted": introductions_deleted,
                "ledger_entries": ledger_entries,
                "met_via": met_via,
                "needs": needs,
                "relationships": relationships,
                "relationships_deleted": relationships_deleted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        interactions = d.pop("interactions")

        introductions = d.pop("introductions")

        introductions_deleted = d.pop("introductions_deleted")

        ledger_entries = d.pop("ledger_entries")

        met_via = d.pop("met_via")

        needs = d.pop("needs")

        relationships = d.pop("relationships")

        relationships_deleted = d.pop("relationships_deleted")

        moved = cls(
            interactions=interactions,
            introductions=introductions,
            introductions_deleted=introductions_deleted,
            ledger_entries=ledger_entries,
            met_via=met_via,
            needs=needs,
            relationships=relationships,
            relationships_deleted=relationships_deleted,
        )

        return moved
