from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonthCount")


@_attrs_define
class MonthCount:
    """A count for one calendar month.

    Attributes:
        count (int):
        month (str): `YYYY-MM`. Example: 2026-11.
    """

    count: int
    month: str

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        month = self.month

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "count": count,
                "month": month,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        count = d.pop("count")

        month = d.pop("month")

        month_count = cls(
            count=count,
            month=month,
        )

        return month_count
