from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Phone")


@_attrs_define
class Phone:
    """A phone number of a contact.

    Attributes:
        number (str): Digits with optional `+`, spaces, dots, dashes and parentheses. Example: +351 912 345 678.
        label (None | str | Unset):  Example: mobile.
    """

    number: str
    label: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "number": number,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        number = d.pop("number")

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        phone = cls(
            number=number,
            label=label,
        )

        return phone
