from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.met_by_type import MetByType

T = TypeVar("T", bound="MetBy")


@_attrs_define
class MetBy:
    """The introduction, interaction or favor that met a need.

    Example:
        {'id': '01936f4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f', 'type': 'introduction'}

    Attributes:
        id (UUID):  Example: 01936f4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f.
        type_ (MetByType): What met a need.
    """

    id: UUID
    type_: MetByType

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        type_ = self.type_.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        type_ = MetByType(d.pop("type"))

        met_by = cls(
            id=id,
            type_=type_,
        )

        return met_by
