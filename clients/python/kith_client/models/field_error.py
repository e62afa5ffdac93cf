from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FieldError")


@_attrs_define
class FieldError:
    """One invalid field of a request.

    Attributes:
        code (str): A stable machine-readable reason, e.g. `required`, `too_long`, `invalid_format`.
        field (str): The field (or query parameter) at fault, e.g. `emails[1].address`.
        message (str): A human-readable explanation.
    """

    code: str
    field: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        field = self.field

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "field": field,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        field = d.pop("field")

        message = d.pop("message")

        field_error = cls(
            code=code,
            field=field,
            message=message,
        )

        return field_error
