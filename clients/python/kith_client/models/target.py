from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Target")


@_attrs_define
class Target:
    """A target of a reach query.

    Attributes:
        display_name (str):
        id (UUID):
        company (None | str | Unset):
    """

    display_name: str
    id: UUID
    company: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        id = str(self.id)

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
        if company is not UNSET:
            field_dict["company"] = company

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        id = UUID(d.pop("id"))

        def _parse_company(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company = _parse_company(d.pop("company", UNSET))

        target = cls(
            display_name=display_name,
            id=id,
            company=company,
        )

        return target
