from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CaptureFailure")


@_attrs_define
class CaptureFailure:
    """A message of a mailbox that could not be read: it failed alone.

    Attributes:
        error (str):  Example: no From address.
        index (int): Its place in the mailbox, from 0.
    """

    error: str
    index: int

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        index = self.index

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "error": error,
                "index": index,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error = d.pop("error")

        index = d.pop("index")

        capture_failure = cls(
            error=error,
            index=index,
        )

        return capture_failure
