from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.format_ import Format
from ..models.on_duplicate import OnDuplicate
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_item import ImportItem


T = TypeVar("T", bound="Import")


@_attrs_define
class Import:
    """An import and its report.

    Attributes:
        created (int):
        created_at (datetime.datetime):
        dry_run (bool):
        failed (int):
        format_ (Format): A format kith imports.
        items (list[ImportItem]):
        on_duplicate (OnDuplicate): What an import does with a row that matches a contact you have.
        skipped (int):
        unchanged (int):
        updated (int):
        id (None | Unset | UUID): `null` for a dry run (nothing is kept).
        undone_at (datetime.datetime | None | Unset): When it was undone (`DELETE`); `null` while it stands.
    """

    created: int
    created_at: datetime.datetime
    dry_run: bool
    failed: int
    format_: Format
    items: list[ImportItem]
    on_duplicate: OnDuplicate
    skipped: int
    unchanged: int
    updated: int
    id: None | Unset | UUID = UNSET
    undone_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        created_at = self.created_at.isoformat()

        dry_run = self.dry_run

        failed = self.failed

        format_ = self.format_.value

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        on_duplicate = self.on_duplicate.value

        skipped = self.skipped

        unchanged = self.unchanged

        updated = self.updated

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

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
                "dry_run": dry_run,
                "failed": failed,
                "format": format_,
                "items": items,
                "on_duplicate": on_duplicate,
                "skipped": skipped,
                "unchanged": unchanged,
                "updated": updated,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if undone_at is not UNSET:
            field_dict["undone_at"] = undone_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.import_item import ImportItem

        d = dict(src_dict)
        created = d.pop("created")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        dry_run = d.pop("dry_run")

        failed = d.pop("failed")

        format_ = Format(d.pop("format"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ImportItem.from_dict(items_item_data)

            items.append(items_item)

        on_duplicate = OnDuplicate(d.pop("on_duplicate"))

        skipped = d.pop("skipped")

        unchanged = d.pop("unchanged")

        updated = d.pop("updated")

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

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

        import_ = cls(
            created=created,
            created_at=created_at,
            dry_run=dry_run,
            failed=failed,
            format_=format_,
            items=items,
            on_duplicate=on_duplicate,
            skipped=skipped,
            unchanged=unchanged,
            updated=updated,
            id=id,
            undone_at=undone_at,
        )

        return import_
