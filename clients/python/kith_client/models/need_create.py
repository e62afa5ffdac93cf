from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.need_kind import NeedKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="NeedCreate")


@_attrs_define
class NeedCreate:
    """A new need or offer.

    Attributes:
        kind (NeedKind): `ask`: someone needs something; `offer`: someone can give it.
        topic (str):  Example: a mentor in product management.
        contact_id (None | Unset | UUID): A contact of yours; `null` or absent: your own.
        description (None | str | Unset):  Example: Moving from engineering; an hour a month would do.
        tags (list[str] | None | Unset): Tags of 1–50 characters (no `/`), at most 20; stored in lower case,
            each once.
        until (datetime.date | None | Unset): The last day it stands; today or later. Example: 2027-03-31.
    """

    kind: NeedKind
    topic: str
    contact_id: None | Unset | UUID = UNSET
    description: None | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    until: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        topic = self.topic

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        elif isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        until: None | str | Unset
        if isinstance(self.until, Unset):
            until = UNSET
        elif isinstance(self.until, datetime.date):
            until = self.until.isoformat()
        else:
            until = self.until

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "topic": topic,
            }
        )
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if description is not UNSET:
            field_dict["description"] = description
        if tags is not UNSET:
            field_dict["tags"] = tags
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = NeedKind(d.pop("kind"))

        topic = d.pop("topic")

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

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.date.fromisoformat(data)

                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        until = _parse_until(d.pop("until", UNSET))

        need_create = cls(
            kind=kind,
            topic=topic,
            contact_id=contact_id,
            description=description,
            tags=tags,
            until=until,
        )

        return need_create
