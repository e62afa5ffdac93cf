from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.contact import Contact
    from ..models.moved import Moved


T = TypeVar("T", bound="MergeReport")


@_attrs_define
class MergeReport:
    """The kept contact after the merge, and what moved to it.

    Attributes:
        contact (Contact): A person in your network.
        merged (list[str]): The merged contacts: in the trash, with `merged_into` naming the kept
            one.
        moved (Moved): How many of a kind of record moved to the kept contact, and how many were
            deleted because they would have repeated one it has.
    """

    contact: Contact
    merged: list[str]
    moved: Moved

    def to_dict(self) -> dict[str, Any]:
        contact = self.contact.to_dict()

        merged = self.merged

        moved = self.moved.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact": contact,
                "merged": merged,
                "moved": moved,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact import Contact
        from ..models.moved import Moved

        d = dict(src_dict)
        contact = Contact.from_dict(d.pop("contact"))

        merged = cast(list[str], d.pop("merged"))

        moved = Moved.from_dict(d.pop("moved"))

        merge_report = cls(
            contact=contact,
            merged=merged,
            moved=moved,
        )

        return merge_report
