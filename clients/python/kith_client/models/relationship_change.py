from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.change_op import ChangeOp
from ..models.relationship_change_type import RelationshipChangeType

if TYPE_CHECKING:
    from ..models.relationship import Relationship


T = TypeVar("T", bound="RelationshipChange")


@_attrs_define
class RelationshipChange:
    """A change to a relationship.

    Attributes:
        data (None | Relationship): The relationship as `GET` returned it after this change; `null` for a delete.
        id (UUID): The resource id (a tag's name for a tag).
        op (ChangeOp): `upsert` (created, changed or restored) or `delete` (deleted or trashed).
        seq (int): Position in the user's sequence; strictly increasing.
        type_ (RelationshipChangeType):
    """

    data: None | Relationship
    id: UUID
    op: ChangeOp
    seq: int
    type_: RelationshipChangeType

    def to_dict(self) -> dict[str, Any]:
        from ..models.relationship import Relationship

        data: dict[str, Any] | None
        if isinstance(self.data, Relationship):
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
        from ..models.relationship import Relationship

        d = dict(src_dict)

        def _parse_data(data: object) -> None | Relationship:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = Relationship.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Relationship, data)

        data = _parse_data(d.pop("data"))

        id = UUID(d.pop("id"))

        op = ChangeOp(d.pop("op"))

        seq = d.pop("seq")

        type_ = RelationshipChangeType(d.pop("type"))

        relationship_change = cls(
            data=data,
            id=id,
            op=op,
            seq=seq,
            type_=type_,
        )

        return relationship_change
