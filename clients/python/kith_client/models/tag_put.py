from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="TagPut")


@_attrs_define
class TagPut:
    """Set a tag's default cadence.

    Attributes:
        default_cadence_days (int | None): Days (1–3650), or `null` for none.
    """

    default_cadence_days: int | None

    def to_dict(self) -> dict[str, Any]:
        default_cadence_days: int | None
        default_cadence_days = self.default_cadence_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "default_cadence_days": default_cadence_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_default_cadence_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        default_cadence_days = _parse_default_cadence_days(
            d.pop("default_cadence_days")
        )

        tag_put = cls(
            default_cadence_days=default_cadence_days,
        )

        return tag_put
