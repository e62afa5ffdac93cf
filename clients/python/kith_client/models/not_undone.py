from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="NotUndone")


@_attrs_define
class NotUndone:
    """
    Attributes:
        contact_id (UUID):
        reason (str): `changed_since` (it was written after the import), `gone` (deleted)
            or `in_trash` (an update that cannot be reverted there).
    """

    contact_id: UUID
    reason: str

    def to_dict(self) -> dict[str, Any]:
        contact_id = str(self.contact_id)

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact_id": contact_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))

        reason = d.pop("reason")

        not_undone = cls(
            contact_id=contact_id,
            reason=reason,
        )

        return not_undone
