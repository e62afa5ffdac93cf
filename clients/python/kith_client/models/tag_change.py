from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.change_op import ChangeOp
from ..models.tag_change_type import TagChangeType

if TYPE_CHECKING:
    from ..models.tag import Tag


T = TypeVar("T", bound="TagChange")


@_attrs_define
class TagChange:
    """A change to a tag.

    Attributes:
        data (None | Tag): The tag as `GET` returned it after this change; `null` for a delete.
        id (str): The resource id (a tag's name for a tag).
        op (ChangeOp): `upsert` (created, changed or restored) or `delete` (deleted or trashed).
        seq (int): Position in the user's sequence; strictly increasing.
        type_ (TagChangeType):
    """

    data: None | Tag
    id: str
    op: ChangeOp
    seq: int
    type_: TagChangeType

    def to_dict(self) -> dict[str, Any]:
        from ..models.tag import Tag

        data: dict[str, Any] | None
        if isinstance(self.data, Tag):
            data = self.data.to_dict()
        else:
            data = self.data

        id = self.id

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
        from ..models.tag import Tag

        d = dict(src_dict)

        def _parse_data(data: object) -> None | Tag:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = Tag.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Tag, data)

        data = _parse_data(d.pop("data"))

        id = d.pop("id")

        op = ChangeOp(d.pop("op"))

        seq = d.pop("seq")

        type_ = TagChangeType(d.pop("type"))

        tag_change = cls(
            data=data,
            id=id,
            op=op,
            seq=seq,
            type_=type_,
        )

        return tag_change
