from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.duplicate_reason import DuplicateReason

if TYPE_CHECKING:
    from ..models.duplicate_member import DuplicateMember


T = TypeVar("T", bound="DuplicateGroup")


@_attrs_define
class DuplicateGroup:
    """Contacts (not in the trash) that look like one person, and why.

    Attributes:
        contacts (list[DuplicateMember]): Two or more, by name.
        key (str): What they share: the email, the phone number's digits, or the name
            and company (lower case, `name / company`). Example: ana@example.com.
        reason (DuplicateReason): Why contacts look like one person.
    """

    contacts: list[DuplicateMember]
    key: str
    reason: DuplicateReason

    def to_dict(self) -> dict[str, Any]:
        contacts = []
        for contacts_item_data in self.contacts:
            contacts_item = contacts_item_data.to_dict()
            contacts.append(contacts_item)

        key = self.key

        reason = self.reason.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contacts": contacts,
                "key": key,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.duplicate_member import DuplicateMember

        d = dict(src_dict)
        contacts = []
        _contacts = d.pop("contacts")
        for contacts_item_data in _contacts:
            contacts_item = DuplicateMember.from_dict(contacts_item_data)

            contacts.append(contacts_item)

        key = d.pop("key")

        reason = DuplicateReason(d.pop("reason"))

        duplicate_group = cls(
            contacts=contacts,
            key=key,
            reason=reason,
        )

        return duplicate_group
