from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Addresses")


@_attrs_define
class Addresses:
    """The emails that are yours: a message from one of them is `outbound`,
    and none of them is ever matched to a contact.

        Attributes:
            addresses (list[str]): 1–20 distinct emails; without any set, your login email. Example: ['ana@example.com',
                'ana@work.example'].
    """

    addresses: list[str]

    def to_dict(self) -> dict[str, Any]:
        addresses = self.addresses

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "addresses": addresses,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        addresses = cast(list[str], d.pop("addresses"))

        addresses = cls(
            addresses=addresses,
        )

        return addresses
