from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MatchPerson")


@_attrs_define
class MatchPerson:
    """A person of a match: a contact of yours, or you (`id` `null`).

    Attributes:
        display_name (str):  Example: Ana Lima.
        closeness (int | None | Unset): How well you know them, 1–5; `null` for you or when unset.
        id (None | Unset | UUID): `null`: you.
    """

    display_name: str
    closeness: int | None | Unset = UNSET
    id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        closeness: int | None | Unset
        if isinstance(self.closeness, Unset):
            closeness = UNSET
        else:
            closeness = self.closeness

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "display_name": display_name,
            }
        )
        if closeness is not UNSET:
            field_dict["closeness"] = closeness
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        def _parse_closeness(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        closeness = _parse_closeness(d.pop("closeness", UNSET))

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

        match_person = cls(
            display_name=display_name,
            closeness=closeness,
            id=id,
        )

        return match_person
