from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.need_status import NeedStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.met_by import MetBy


T = TypeVar("T", bound="NeedPatch")


@_attrs_define
class NeedPatch:
    """A JSON merge patch of a need: an absent field is kept; `null` clears
    `description`, `until` and `met_by`. `met_by` goes with `status: met`.

        Attributes:
            description (None | str | Unset):
            met_by (MetBy | None | Unset):
            status (NeedStatus | Unset): `open` until `met` (it was answered) or `dropped`.
            tags (list[str] | Unset):
            topic (str | Unset):
            until (datetime.date | None | Unset):
    """

    description: None | str | Unset = UNSET
    met_by: MetBy | None | Unset = UNSET
    status: NeedStatus | Unset = UNSET
    tags: list[str] | Unset = UNSET
    topic: str | Unset = UNSET
    until: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.met_by import MetBy

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        met_by: dict[str, Any] | None | Unset
        if isinstance(self.met_by, Unset):
            met_by = UNSET
        elif isinstance(self.met_by, MetBy):
            met_by = self.met_by.to_dict()
        else:
            met_by = self.met_by

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        topic = self.topic

        until: None | str | Unset
        if isinstance(self.until, Unset):
            until = UNSET
        elif isinstance(self.until, datetime.date):
            until = self.until.isoformat()
        else:
            until = self.until

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if met_by is not UNSET:
            field_dict["met_by"] = met_by
        if status is not UNSET:
            field_dict["status"] = status
        if tags is not UNSET:
            field_dict["tags"] = tags
        if topic is not UNSET:
            field_dict["topic"] = topic
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.met_by import MetBy

        d = dict(src_dict)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

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

        _status = d.pop("status", UNSET)
        status: NeedStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = NeedStatus(_status)

        tags = cast(list[str], d.pop("tags", UNSET))

        topic = d.pop("topic", UNSET)

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

        need_patch = cls(
            description=description,
            met_by=met_by,
            status=status,
            tags=tags,
            topic=topic,
            until=until,
        )

        return need_patch
