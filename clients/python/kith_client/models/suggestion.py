from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Suggestion")


@_attrs_define
class Suggestion:
    """Someone you write with who is not a contact yet.

    Attributes:
        count (int): In how many captured messages and events.
        email (str):  Example: dev@example.com.
        first_seen (datetime.datetime):
        last_seen (datetime.datetime):
        name (None | str | Unset): The name the headers last gave it. Example: Dev Rao.
    """

    count: int
    email: str
    first_seen: datetime.datetime
    last_seen: datetime.datetime
    name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        email = self.email

        first_seen = self.first_seen.isoformat()

        last_seen = self.last_seen.isoformat()

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "count": count,
                "email": email,
                "first_seen": first_seen,
                "last_seen": last_seen,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        count = d.pop("count")

        email = d.pop("email")

        first_seen = datetime.datetime.fromisoformat(d.pop("first_seen"))

        last_seen = datetime.datetime.fromisoformat(d.pop("last_seen"))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        suggestion = cls(
            count=count,
            email=email,
            first_seen=first_seen,
            last_seen=last_seen,
            name=name,
        )

        return suggestion
