from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Change")


@_attrs_define
class Change:
    """One change.

    Attributes:
        id (str): The resource id.
        op (str): `upsert` (created, changed or restored) or `delete` (deleted or trashed). Example: upsert.
        seq (int): Position in the user's sequence; strictly increasing.
        type_ (str): The resource type: `contact`, …
        data (Any | Unset): The resource as `GET` returned it after this change; `null` for a delete.
    """

    id: str
    op: str
    seq: int
    type_: str
    data: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        op = self.op

        seq = self.seq

        type_ = self.type_

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

        op = d.pop("op")

        seq = d.pop("seq")

        type_ = d.pop("type")

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
