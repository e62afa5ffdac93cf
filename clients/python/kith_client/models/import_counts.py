from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ImportCounts")


@_attrs_define
class ImportCounts:
    """How many records each section brought in.

    Attributes:
        contacts (int):
        interactions (int):
        introductions (int):
        ledger (int):
        needs (int):
        photos (int):
        relationships (int):
        tags (int):
    """

    contacts: int
    interactions: int
    introductions: int
    ledger: int
    needs: int
    photos: int
    relationships: int
    tags: int

    def to_dict(self) -> dict[str, Any]:
        contacts = self.contacts

        interactions = self.interactions

        introductions = self.introductions

        ledger = self.ledger

        needs = self.needs

        photos = self.photos

        relationships = self.relationships

        tags = self.tags

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contacts": contacts,
                "interactions": interactions,
                "introductions": introductions,
                "ledger": ledger,
                "needs": needs,
                "photos": photos,
                "relationships": relationships,
                "tags": tags,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contacts = d.pop("contacts")

        interactions = d.pop("interactions")

        introductions = d.pop("introductions")

        ledger = d.pop("ledger")

        needs = d.pop("needs")

        photos = d.pop("photos")

        relationships = d.pop("relationships")

        tags = d.pop("tags")

        import_counts = cls(
            contacts=contacts,
            interactions=interactions,
            introductions=introductions,
            ledger=ledger,
            needs=needs,
            photos=photos,
            relationships=relationships,
            tags=tags,
        )

        return import_counts
