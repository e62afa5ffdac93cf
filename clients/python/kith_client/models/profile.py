from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Profile")


@_attrs_define
class Profile:
    """The account's name and time zone (`PUT /v1/me`): both as given, the
    time zone `UTC` when left out.

        Attributes:
            name (str):  Example: Ana Lima.
            time_zone (str | Unset): A name of the IANA time zone database (`Europe/Berlin`, `America/New_York`); `UTC` when
                left out. Another name is a `422` (`invalid_time_zone`).
    """

    name: str
    time_zone: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        time_zone = d.pop("time_zone", UNSET)

        profile = cls(
            name=name,
            time_zone=time_zone,
        )

        return profile
