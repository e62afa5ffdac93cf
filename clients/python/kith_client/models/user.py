from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """The account.

    Attributes:
        created_at (datetime.datetime): When the account was created.
        email (str):
        id (UUID):
        name (str):
        time_zone (str): An IANA time zone: reminders (webhooks' `agenda.*` events) go out on
            the day an item becomes due there. Example: Europe/Berlin.
    """

    created_at: datetime.datetime
    email: str
    id: UUID
    name: str
    time_zone: str

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email = self.email

        id = str(self.id)

        name = self.name

        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "created_at": created_at,
                "email": email,
                "id": id,
                "name": name,
                "time_zone": time_zone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email = d.pop("email")

        id = UUID(d.pop("id"))

        name = d.pop("name")

        time_zone = d.pop("time_zone")

        user = cls(
            created_at=created_at,
            email=email,
            id=id,
            name=name,
            time_zone=time_zone,
        )

        return user
