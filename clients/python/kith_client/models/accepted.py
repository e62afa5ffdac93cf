from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.capture import Capture
    from ..models.contact import Contact


T = TypeVar("T", bound="Accepted")


@_attrs_define
class Accepted:
    """An accepted suggestion: the new contact, and the capture that logged
    what was already captured with the address.

        Attributes:
            capture (Capture): A capture and what it logged.
            contact (Contact): A person in your network.
    """

    capture: Capture
    contact: Contact

    def to_dict(self) -> dict[str, Any]:
        capture = self.capture.to_dict()

        contact = self.contact.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "capture": capture,
                "contact": contact,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.capture import Capture
        from ..models.contact import Contact

        d = dict(src_dict)
        capture = Capture.from_dict(d.pop("capture"))

        contact = Contact.from_dict(d.pop("contact"))

        accepted = cls(
            capture=capture,
            contact=contact,
        )

        return accepted
