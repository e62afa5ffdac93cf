from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Tag")


@_attrs_define
class Tag:
    """A tag in use, or one that carries a cadence.

    Attributes:
        contact_count (int): Contacts (outside the trash) carrying it.
        name (str): Lower case, 1–50 characters, no `/`. Example: investors.
        default_cadence_days (int | None | Unset): The cadence this tag gives contacts without one of their own.
    """

    contact_count: int
    name: str
    default_cadence_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact_count = self.contact_count

        name = self.name

        default_cadence_days: int | None | Unset
        if isinstance(self.default_cadence_days, Unset):
            default_cadence_days = UNSET
        else:
            default_cadence_days = self.default_cadence_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact_count": contact_count,
                "name": name,
            }
        )
        if default_cadence_days is not UNSET:
            field_dict["default_cadence_days"] = default_cadence_days

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contact_count = d.pop("contact_count")

        name = d.pop("name")

        def _parse_default_cadence_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        default_cadence_days = _parse_default_cadence_days(
            d.pop("default_cadence_days", UNSET)
        )

        tag = cls(
            contact_count=contact_count,
            name=name,
            default_cadence_days=default_cadence_days,
        )

        return tag
