from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.item_status import ItemStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportItem")


@_attrs_define
class ImportItem:
    """One row of the file and what became of it.

    Attributes:
        changed_fields (list[str]): The fields the row set (created) or changed (updated).
        line (int): The line of the file the row begins on, from 1.
        status (ItemStatus): What became of one row.
        contact_id (None | Unset | UUID): The contact created, updated, left unchanged or matched (skipped).
        error (None | str | Unset): Why the row failed.
    """

    changed_fields: list[str]
    line: int
    status: ItemStatus
    contact_id: None | Unset | UUID = UNSET
    error: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        changed_fields = self.changed_fields

        line = self.line

        status = self.status.value

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        elif isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "changed_fields": changed_fields,
                "line": line,
                "status": status,
            }
        )
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        changed_fields = cast(list[str], d.pop("changed_fields"))

        line = d.pop("line")

        status = ItemStatus(d.pop("status"))

        def _parse_contact_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_id_type_0 = UUID(data)

                return contact_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contact_id = _parse_contact_id(d.pop("contact_id", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        import_item = cls(
            changed_fields=changed_fields,
            line=line,
            status=status,
            contact_id=contact_id,
            error=error,
        )

        return import_item
