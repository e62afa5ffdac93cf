from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ImportCounts")


@_attrs_define
class ImportCounts:
    """How many records each section brought in.

    Attributes:
        contacts (int):
        interactions (int):
        introductions (int):
        ledger (int):
        relationships (int):
        tags (int):
    """

    contacts: int
    interactions: int
    introductions: int
    ledger: int
    relationships: int
    tags: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contacts = self.contacts

        interactions = self.interactions

        introductions = self.introductions

        ledger = self.ledger

        relationships = self.relationships

        tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contacts": contacts,
                "interactions": interactions,
                "introductions": introductions,
                "ledger": ledger,
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

        relationships = d.pop("relationships")

        tags = d.pop("tags")

        import_counts = cls(
            contacts=contacts,
            interactions=interactions,
            introductions=introductions,
            ledger=ledger,
            relationships=relationships,
            tags=tags,
        )

        import_counts.additional_properties = d
        return import_counts

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
