from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.hit_type import HitType

T = TypeVar("T", bound="SearchHit")


@_attrs_define
class SearchHit:
    """One thing a search found.

    Example:
        {'field': 'display_name', 'id': '0193a4c5-7d2e-7c1a-9f00-3b6d2c1e8a47', 'snippet': 'José Álvarez', 'title':
            'José Álvarez', 'type': 'contact'}

    Attributes:
        field (str): The field the query was found in (`display_name`, `emails`,
            `notes`, `summary`, `description`, `note`, …). Example: display_name.
        id (UUID): Its id: `GET` it at `/v1/contacts/{id}`, `/v1/interactions/{id}`,
            `/v1/ledger/{id}` or `/v1/introductions/{id}`.
        snippet (str): The passage of `field` that matched (at most about 100 characters,
            on one line, `…` where it was cut). Example: …met at the Lisbon meetup, works on robotics….
        title (str): What to show for it: a contact's display name, an interaction's
            summary, a ledger entry's description, the names an introduction
            brings together. Example: José Álvarez.
        type_ (HitType): What a hit is.
    """

    field: str
    id: UUID
    snippet: str
    title: str
    type_: HitType

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        id = str(self.id)

        snippet = self.snippet

        title = self.title

        type_ = self.type_.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
                "id": id,
                "snippet": snippet,
                "title": title,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        field = d.pop("field")

        id = UUID(d.pop("id"))

        snippet = d.pop("snippet")

        title = d.pop("title")

        type_ = HitType(d.pop("type"))

        search_hit = cls(
            field=field,
            id=id,
            snippet=snippet,
            title=title,
            type_=type_,
        )

        return search_hit
