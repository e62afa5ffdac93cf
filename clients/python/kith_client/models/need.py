from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.need_kind import NeedKind
from ..models.need_status import NeedStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.met_by import MetBy


T = TypeVar("T", bound="Need")


@_attrs_define
class Need:
    """Something a person in your network (or you) needs or can give.

    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        kind (NeedKind): `ask`: someone needs something; `offer`: someone can give it.
        status (NeedStatus): `open` until `met` (it was answered) or `dropped`.
        tags (list[str]): Lower-case tags, each once. Example: ['product', 'mentoring'].
        topic (str):  Example: a mentor in product management.
        updated_at (datetime.datetime):
        version (int):
        contact_id (None | Unset | UUID): Whose it is; `null`: yours.
        description (None | str | Unset):
        introduction_id (None | Unset | UUID): Read-only: the introduction proposed to meet it
            (`POST /v1/network/matches/introduce`); making that introduction
            marks the need met.
        met_at (datetime.datetime | None | Unset): When it was met; `null` unless `met`.
        met_by (MetBy | None | Unset):
        until (datetime.date | None | Unset): The last day it stands (an ask that expires). Example: 2027-03-31.
    """

    created_at: datetime.datetime
    id: UUID
    kind: NeedKind
    status: NeedStatus
    tags: list[str]
    topic: str
    updated_at: datetime.datetime
    version: int
    contact_id: None | Unset | UUID = UNSET
    description: None | str | Unset = UNSET
    introduction_id: None | Unset | UUID = UNSET
    met_at: datetime.datetime | None | Unset = UNSET
    met_by: MetBy | None | Unset = UNSET
    until: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.met_by import MetBy

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        status = self.status.value

        tags = self.tags

        topic = self.topic

        updated_at = self.updated_at.isoformat()

        version = self.version

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

        introduction_id: None | str | Unset
        if isinstance(self.introduction_id, Unset):
            introduction_id = UNSET
        elif isinstance(self.introduction_id, UUID):
            introduction_id = str(self.introduction_id)
        else:
            introduction_id = self.introduction_id

        met_at: None | str | Unset
        if isinstance(self.met_at, Unset):
            met_at = UNSET
        elif isinstance(self.met_at, datetime.datetime):
            met_at = self.met_at.isoformat()
        else:
            met_at = self.met_at

        met_by: dict[str, Any] | None | Unset
        if isinstance(self.met_by, Unset):
            met_by = UNSET
        elif isinstance(self.met_by, MetBy):
            met_by = self.met_by.to_dict()
        else:
            met_by = self.met_by

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
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "status": status,
                "tags": tags,
                "topic": topic,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if description is not UNSET:
            field_dict["description"] = description
        if introduction_id is not UNSET:
            field_dict["introduction_id"] = introduction_id
        if met_at is not UNSET:
            field_dict["met_at"] = met_at
        if met_by is not UNSET:
            field_dict["met_by"] = met_by
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.met_by import MetBy

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = NeedKind(d.pop("kind"))

        status = NeedStatus(d.pop("status"))

        tags = cast(list[str], d.pop("tags"))

        topic = d.pop("topic")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

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

        def _parse_introduction_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                introduction_id_type_0 = UUID(data)

                return introduction_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        introduction_id = _parse_introduction_id(d.pop("introduction_id", UNSET))

        def _parse_met_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                met_at_type_0 = datetime.datetime.fromisoformat(data)

                return met_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        met_at = _parse_met_at(d.pop("met_at", UNSET))

        def _parse_met_by(data: object) -> MetBy | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                met_by_type_0 = MetBy.from_dict(data)

                return met_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MetBy | None | Unset, data)

        met_by = _parse_met_by(d.pop("met_by", UNSET))

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

        need = cls(
            created_at=created_at,
            id=id,
            kind=kind,
            status=status,
            tags=tags,
            topic=topic,
            updated_at=updated_at,
            version=version,
            contact_id=contact_id,
            description=description,
            introduction_id=introduction_id,
            met_at=met_at,
            met_by=met_by,
            until=until,
        )

        return need
