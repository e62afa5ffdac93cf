from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Node")


@_attrs_define
class Node:
    """A node of the graph.

    Attributes:
        display_name (str):
        id (UUID):
        closeness (int | None | Unset):
        company (None | str | Unset):
    """

    display_name: str
    id: UUID
    closeness: int | None | Unset = UNSET
    company: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        id = str(self.id)

        closeness: int | None | Unset
        if isinstance(self.closeness, Unset):
            closeness = UNSET
        else:
            closeness = self.closeness

        company: None | str | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        else:
            company = self.company

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "display_name": display_name,
                "id": id,
            }
        )
        if closeness is not UNSET:
            field_dict["closeness"] = closeness
        if company is not UNSET:
            field_dict["company"] = company

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        id = UUID(d.pop("id"))

        def _parse_closeness(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        closeness = _parse_closeness(d.pop("closeness", UNSET))

        def _parse_company(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company = _parse_company(d.pop("company", UNSET))

        node = cls(
            display_name=display_name,
            id=id,
            closeness=closeness,
            company=company,
        )

        return node
