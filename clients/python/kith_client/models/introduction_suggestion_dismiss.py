from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="IntroductionSuggestionDismiss")


@_attrs_define
class IntroductionSuggestionDismiss:
    """A pair never to suggest again.

    Attributes:
        contact_id (UUID): One of the pair (in either order). Example: 01936f4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f.
        other_id (UUID): The other. Example: 01936f4e-9b3c-7d4e-8f5a-6b7c8d9e0f1a.
    """

    contact_id: UUID
    other_id: UUID

    def to_dict(self) -> dict[str, Any]:
        contact_id = str(self.contact_id)

        other_id = str(self.other_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact_id": contact_id,
                "other_id": other_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))

        other_id = UUID(d.pop("other_id"))

        introduction_suggestion_dismiss = cls(
            contact_id=contact_id,
            other_id=other_id,
        )

        return introduction_suggestion_dismiss
