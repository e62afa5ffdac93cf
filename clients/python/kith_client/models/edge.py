from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Edge")


@_attrs_define
class Edge:
    """An edge of the graph (a relationship, from `source`'s side).

    Attributes:
        kind (str):
        source (str):
        strength (int):
        target (str):
    """

    kind: str
    source: str
    strength: int
    target: str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        source = self.source

        strength = self.strength

        target = self.target

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "source": source,
                "strength": strength,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = d.pop("kind")

        source = d.pop("source")

        strength = d.pop("strength")

        target = d.pop("target")

        edge = cls(
            kind=kind,
            source=source,
            strength=strength,
            target=target,
        )

        return edge
