from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.not_undone import NotUndone


T = TypeVar("T", bound="ImportUndo")


@_attrs_define
class ImportUndo:
    """What undoing an import did.

    Attributes:
        not_undone (list[NotUndone]): The contacts it could not undo, and why.
        reverted (list[str]): The contacts whose fields it changed, changed back.
        trashed (list[str]): The contacts it created, now in the trash.
    """

    not_undone: list[NotUndone]
    reverted: list[str]
    trashed: list[str]

    def to_dict(self) -> dict[str, Any]:
        not_undone = []
        for not_undone_item_data in self.not_undone:
            not_undone_item = not_undone_item_data.to_dict()
            not_undone.append(not_undone_item)

        reverted = self.reverted

        trashed = self.trashed

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "not_undone": not_undone,
                "reverted": reverted,
                "trashed": trashed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.not_undone import NotUndone

        d = dict(src_dict)
        not_undone = []
        _not_undone = d.pop("not_undone")
        for not_undone_item_data in _not_undone:
            not_undone_item = NotUndone.from_dict(not_undone_item_data)

            not_undone.append(not_undone_item)

        reverted = cast(list[str], d.pop("reverted"))

        trashed = cast(list[str], d.pop("trashed"))

        import_undo = cls(
            not_undone=not_undone,
            reverted=reverted,
            trashed=trashed,
        )

        return import_undo
