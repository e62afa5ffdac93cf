from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.change_op import ChangeOp
from ..models.contact_change_type import ContactChangeType

if TYPE_CHECKING:
    from ..models.contact import Contact


T = TypeVar("T", bound="ContactChange")


@_attrs_define
class ContactChange:
    """A change to a contact.

    Attributes:
        data (Contact | None): The contact as `GET` returned it after this change; `null` for a delete.
        id (UUID): The resource id (a tag's name for a tag).
        op (ChangeOp): `upsert` (created, changed or restored) or `delete` (deleted or trashed).
        seq (int): Position in the user's sequence; strictly increasing.
        type_ (ContactChangeType):
    """

    data: Contact | None
    id: UUID
    op: ChangeOp
    seq: int
    type_: ContactChangeType

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact import Contact

        data: dict[str, Any] | None
        if isinstance(self.data, Contact):
            data = self.data.to_dict()
        else:
            data = self.data

        id = str(self.id)

        op = self.op.value

        seq = self.seq

        type_ = self.type_.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data": data,
                "id": id,
                "op": op,
                "seq": seq,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact import Contact

        d = dict(src_dict)

        def _parse_data(data: object) -> Contact | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = Contact.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Contact | None, data)

        data = _parse_data(d.pop("data"))

        id = UUID(d.pop("id"))

        op = ChangeOp(d.pop("op"))

        seq = d.pop("seq")

        type_ = ContactChangeType(d.pop("type"))

        contact_change = cls(
            data=data,
            id=id,
            op=op,
            seq=seq,
            type_=type_,
        )

        return contact_change
