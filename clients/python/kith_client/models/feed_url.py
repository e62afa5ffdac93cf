from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FeedUrl")


@_attrs_define
class FeedUrl:
    """Where to subscribe.

    Attributes:
        url (str): An absolute URL carrying a read-only secret: anyone holding it can
            read your agenda, so share it only with your calendar app.
    """

    url: str

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        url = d.pop("url")

        feed_url = cls(
            url=url,
        )

        return feed_url
