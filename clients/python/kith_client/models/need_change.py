from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.change_op import ChangeOp
from ..models.need_change_type import NeedChangeType

if TYPE_CHECKING:
    from ..models.need import Need


T = TypeVar("T", bound="NeedChange")


@_attrs_define
class NeedChange:
    """A change to a need.

    Attributes:
        data (Need | None): The need as `GET` returned it after this change; `null` for a delete.
        id (UUID): The resource id (a tag's name for a tag).
        op (ChangeOp): `upsert` (created, changed or restored) or `delete` (deleted or trashed).
        seq (int): Position in the user's sequence; strictly increasing.
        type_ (NeedChangeType):
    """

    data: Need | None
    id: UUID
    op: ChangeOp
    seq: int
    type_: NeedChangeType

    def to_dict(self) -> dict[str, Any]:
        from ..models.need import Need

        data: dict[str, Any] | None
        if isinstance(self.data, Need):
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
        from ..models.need import Need

        d = dict(src_dict)

        def _parse_data(data: object) -> Need | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = Need.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Need | None, data)

        data = _parse_data(d.pop("data"))

        id = UUID(d.pop("id"))

        op = ChangeOp(d.pop("op"))

        seq = d.pop("seq")

        type_ = NeedChangeType(d.pop("type"))

        need_change = cls(
            data=data,
            id=id,
            op=op,
            seq=seq,
            type_=type_,
        )

        return need_change
