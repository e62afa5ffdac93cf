from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_create import ContactCreate


T = TypeVar("T", bound="ContactBatchItem")


@_attrs_define
class ContactBatchItem:
    """One contact of a batch.

    Attributes:
        contact (ContactCreate): The fields of a new contact. Only `display_name` is required. Text is
            stored trimmed; empty text reads as none.
        match (None | str | Unset): How to find the contact to update: `email` (any of the item's
            emails), `phone` (any of its phone numbers, by their digits) or an
            external id `source:value` (which a created contact then holds).
            Without it the item is created. Example: crm:42.
    """

    contact: ContactCreate
    match: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact = self.contact.to_dict()

        match: None | str | Unset
        if isinstance(self.match, Unset):
            match = UNSET
        else:
            match = self.match

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact": contact,
            }
        )
        if match is not UNSET:
            field_dict["match"] = match

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_create import ContactCreate

        d = dict(src_dict)
        contact = ContactCreate.from_dict(d.pop("contact"))

        def _parse_match(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        match = _parse_match(d.pop("match", UNSET))

        contact_batch_item = cls(
            contact=contact,
            match=match,
        )

        return contact_batch_item
