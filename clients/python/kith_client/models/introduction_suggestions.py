from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.introduction_suggestion import IntroductionSuggestion


T = TypeVar("T", bound="IntroductionSuggestions")


@_attrs_define
class IntroductionSuggestions:
    """The best suggestions first.

    Attributes:
        items (list[IntroductionSuggestion]):
        truncated (bool): More pairs stand than `limit` let through.
    """

    items: list[IntroductionSuggestion]
    truncated: bool

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        truncated = self.truncated

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
                "truncated": truncated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.introduction_suggestion import IntroductionSuggestion

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = IntroductionSuggestion.from_dict(items_item_data)

            items.append(items_item)

        truncated = d.pop("truncated")

        introduction_suggestions = cls(
            items=items,
            truncated=truncated,
        )

        return introduction_suggestions
