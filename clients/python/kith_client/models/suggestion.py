from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Suggestion")


@_attrs_define
class Suggestion:
    """Someone you write with who is not a contact yet.

    Attributes:
        count (int): In how many captured messages.
        email (str):  Example: dev@example.com.
        first_seen (datetime.datetime):
        last_seen (datetime.datetime):
    """

    count: int
    email: str
    first_seen: datetime.datetime
    last_seen: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        email = self.email

        first_seen = self.first_seen.isoformat()

        last_seen = self.last_seen.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "count": count,
                "email": email,
                "first_seen": first_seen,
                "last_seen": last_seen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        count = d.pop("count")

        email = d.pop("email")

        first_seen = datetime.datetime.fromisoformat(d.pop("first_seen"))

        last_seen = datetime.datetime.fromisoformat(d.pop("last_seen"))

        suggestion = cls(
            count=count,
            email=email,
            first_seen=first_seen,
            last_seen=last_seen,
        )

        return suggestion
