from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.format_ import Format
from ..models.on_duplicate import OnDuplicate
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportSummary")


@_attrs_define
class ImportSummary:
    """An import without its items, as lists show it.

    Attributes:
        created (int):
        created_at (datetime.datetime):
        failed (int):
        format_ (Format): A format kith imports.
        id (UUID):
        on_duplicate (OnDuplicate): What an import does with a row that matches a contact you have.
        skipped (int):
        unchanged (int):
        updated (int):
        undone_at (datetime.datetime | None | Unset):
    """

    created: int
    created_at: datetime.datetime
    failed: int
    format_: Format
    id: UUID
    on_duplicate: OnDuplicate
    skipped: int
    unchanged: int
    updated: int
    undone_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        created_at = self.created_at.isoformat()

        failed = self.failed

        format_ = self.format_.value

        id = str(self.id)

        on_duplicate = self.on_duplicate.value

        skipped = self.skipped

        unchanged = self.unchanged

        updated = self.updated

        undone_at: None | str | Unset
        if isinstance(self.undone_at, Unset):
            undone_at = UNSET
        elif isinstance(self.undone_at, datetime.datetime):
            undone_at = self.undone_at.isoformat()
        else:
            undone_at = self.undone_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "created": created,
                "created_at": created_at,
                "failed": failed,
                "format": format_,
                "id": id,
                "on_duplicate": on_duplicate,
                "skipped": skipped,
                "unchanged": unchanged,
                "updated": updated,
            }
        )
        if undone_at is not UNSET:
            field_dict["undone_at"] = undone_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created = d.pop("created")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        failed = d.pop("failed")

        format_ = Format(d.pop("format"))

        id = UUID(d.pop("id"))

        on_duplicate = OnDuplicate(d.pop("on_duplicate"))

        skipped = d.pop("skipped")

        unchanged = d.pop("unchanged")

        updated = d.pop("updated")

        def _parse_undone_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                undone_at_type_0 = datetime.datetime.fromisoformat(data)

                return undone_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        undone_at = _parse_undone_at(d.pop("undone_at", UNSET))

        import_summary = cls(
            created=created,
            created_at=created_at,
            failed=failed,
            format_=format_,
            id=id,
            on_duplicate=on_duplicate,
            skipped=skipped,
            unchanged=unchanged,
            updated=updated,
            undone_at=undone_at,
        )

        return import_summary
