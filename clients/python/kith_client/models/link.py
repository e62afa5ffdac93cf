from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Link")


@_attrs_define
class Link:
    """A web address of a contact: a profile, a site.

    Attributes:
        url (str): An `http` or `https` URL with a host; one that does not parse as a
            URL (`http://[x`) is a `422` `invalid_url`. Example: https://www.linkedin.com/in/ana-lima.
        label (None | str | Unset): Free text such as `linkedin` or `blog`. Example: linkedin.
    """

    url: str
    label: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        url = d.pop("url")

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        link = cls(
            url=url,
            label=label,
        )

        return link
