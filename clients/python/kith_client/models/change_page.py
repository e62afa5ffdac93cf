from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.contact_change import ContactChange
    from ..models.interaction_change import InteractionChange
    from ..models.introduction_change import IntroductionChange
    from ..models.ledger_entry_change import LedgerEntryChange
    from ..models.need_change import NeedChange
    from ..models.relationship_change import RelationshipChange
    from ..models.tag_change import TagChange


T = TypeVar("T", bound="ChangePage")


@_attrs_define
class ChangePage:
    """A page of the change feed.

    Attributes:
        changes (list[ContactChange | InteractionChange | IntroductionChange | LedgerEntryChange | NeedChange |
            RelationshipChange | TagChange]):
        has_more (bool): Whether more changes follow right away.
        next_since (int): Pass as `since` to read on.
    """

    changes: list[
        ContactChange
        | InteractionChange
        | IntroductionChange
        | LedgerEntryChange
        | NeedChange
        | RelationshipChange
        | TagChange
    ]
    has_more: bool
    next_since: int

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_change import ContactChange
        from ..models.interaction_change import InteractionChange
        from ..models.introduction_change import IntroductionChange
        from ..models.ledger_entry_change import LedgerEntryChange
        from ..models.relationship_change import RelationshipChange
        from ..models.tag_change import TagChange

        changes = []
        for changes_item_data in self.changes:
            changes_item: dict[str, Any]
            if (
                isinstance(changes_item_data, ContactChange)
                or isinstance(changes_item_data, InteractionChange)
                or isinstance(changes_item_data, LedgerEntryChange)
                or isinstance(changes_item_data, RelationshipChange)
                or isinstance(changes_item_data, IntroductionChange)
                or isinstance(changes_item_data, TagChange)
            ):
                changes_item = changes_item_data.to_dict()
            else:
                changes_item = changes_item_data.to_dict()

            changes.append(changes_item)

        has_more = self.has_more

        next_since = self.next_since

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "changes": changes,
                "has_more": has_more,
                "next_since": next_since,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_change import ContactChange
        from ..models.interaction_change import InteractionChange
        from ..models.introduction_change import IntroductionChange
        from ..models.ledger_entry_change import LedgerEntryChange
        from ..models.need_change import NeedChange
        from ..models.relationship_change import RelationshipChange
        from ..models.tag_change import TagChange

        d = dict(src_dict)
        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:

            def _parse_changes_item(
                data: object,
            ) -> (
                ContactChange
                | InteractionChange
                | IntroductionChange
                | LedgerEntryChange
                | NeedChange
                | RelationshipChange
                | TagChange
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_change_type_0 = ContactChange.from_dict(data)

                    return componentsschemas_change_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_change_type_1 = InteractionChange.from_dict(data)

                    return componentsschemas_change_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_change_type_2 = LedgerEntryChange.from_dict(data)

                    return componentsschemas_change_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_change_type_3 = RelationshipChange.from_dict(data)

                    return componentsschemas_change_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_change_type_4 = IntroductionChange.from_dict(data)

                    return componentsschemas_change_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_change_type_5 = TagChange.from_dict(data)

                    return componentsschemas_change_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_change_type_6 = NeedChange.from_dict(data)

                return componentsschemas_change_type_6

            changes_item = _parse_changes_item(changes_item_data)

            changes.append(changes_item)

        has_more = d.pop("has_more")

        next_since = d.pop("next_since")

        change_page = cls(
            changes=changes,
            has_more=has_more,
            next_since=next_since,
        )

        return change_page
