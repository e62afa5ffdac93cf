from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_op import ChangeOp
from ..models.change_type import ChangeType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Change")


@_attrs_define
class Change:
    """One change.

    Attributes:
        id (str): The resource id (a tag's name for a tag).
        op (ChangeOp): `upsert` (created, changed or restored) or `delete` (deleted or trashed).
        seq (int): Position in the user's sequence; strictly increasing.
        type_ (ChangeType): The type of the resource a change is about.
        data (Any | Unset): The resource as `GET` returned it after this change; `null` for a delete.
    """

    id: str
    op: ChangeOp
    seq: int
    type_: ChangeType
    data: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        op = self.op.value

        seq = self.seq

        type_ = self.type_.value

        data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "op": op,
                "seq": seq,
                "type": type_,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        op = ChangeOp(d.pop("op"))

        seq = d.pop("seq")

        type_ = ChangeType(d.pop("type"))

        data = d.pop("data", UNSET)

        change = cls(
            id=id,
            op=op,
            seq=seq,
            type_=type_,
            data=data,
        )

        change.additional_properties = d
        return change

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
