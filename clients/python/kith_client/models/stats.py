from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.month_count import MonthCount


T = TypeVar("T", bound="Stats")


@_attrs_define
class Stats:
    """How the network is doing.

    Attributes:
        active_90d (int): Touched in the last 90 days.
        contacts (int): Contacts outside the trash.
        dormant_365d (int): Not touched for 365 days, or never.
        favors_given (int): Done favors you gave.
        favors_received (int): Done favors you received.
        introductions_made (int): Introductions with status `made`.
        introductions_made_90d (int): Introductions made in the last 90 days.
        needs_met_90d (int): Needs met in the last 90 days.
        needs_open (int): Asks and offers still open (yours and your contacts').
        new_by_month (list[MonthCount]): Contacts added per month, the last 12 months, oldest first.
        paid_forward (int): Done favors you gave to contacts who have given you nothing back
            yet: kindness paid forward.
        touches_by_month (list[MonthCount]): Interactions per month, the last 12 months, oldest first.
    """

    active_90d: int
    contacts: int
    dormant_365d: int
    favors_given: int
    favors_received: int
    introductions_made: int
    introductions_made_90d: int
    needs_met_90d: int
    needs_open: int
    new_by_month: list[MonthCount]
    paid_forward: int
    touches_by_month: list[MonthCount]

    def to_dict(self) -> dict[str, Any]:
        active_90d = self.active_90d

        contacts = self.contacts

        dormant_365d = self.dormant_365d

        favors_given = self.favors_given

        favors_received = self.favors_received

        introductions_made = self.introductions_made

        introductions_made_90d = self.introductions_made_90d

        needs_met_90d = self.needs_met_90d

        needs_open = self.needs_open

        new_by_month = []
        for new_by_month_item_data in self.new_by_month:
            new_by_month_item = new_by_month_item_data.to_dict()
            new_by_month.append(new_by_month_item)

        paid_forward = self.paid_forward

        touches_by_month = []
        for touches_by_month_item_data in self.touches_by_month:
            touches_by_month_item = touches_by_month_item_data.to_dict()
            touches_by_month.append(touches_by_month_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "active_90d": active_90d,
                "contacts": contacts,
                "dormant_365d": dormant_365d,
                "favors_given": favors_given,
                "favors_received": favors_received,
                "introductions_made": introductions_made,
                "introductions_made_90d": introductions_made_90d,
                "needs_met_90d": needs_met_90d,
                "needs_open": needs_open,
                "new_by_month": new_by_month,
                "paid_forward": paid_forward,
                "touches_by_month": touches_by_month,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.month_count import MonthCount

        d = dict(src_dict)
        active_90d = d.pop("active_90d")

        contacts = d.pop("contacts")

        dormant_365d = d.pop("dormant_365d")

        favors_given = d.pop("favors_given")

        favors_received = d.pop("favors_received")

        introductions_made = d.pop("introductions_made")

        introductions_made_90d = d.pop("introductions_made_90d")

        needs_met_90d = d.pop("needs_met_90d")

        needs_open = d.pop("needs_open")

        new_by_month = []
        _new_by_month = d.pop("new_by_month")
        for new_by_month_item_data in _new_by_month:
            new_by_month_item = MonthCount.from_dict(new_by_month_item_data)

            new_by_month.append(new_by_month_item)

        paid_forward = d.pop("paid_forward")

        touches_by_month = []
        _touches_by_month = d.pop("touches_by_month")
        for touches_by_month_item_data in _touches_by_month:
            touches_by_month_item = MonthCount.from_dict(touches_by_month_item_data)

            touches_by_month.append(touches_by_month_item)

        stats = cls(
            active_90d=active_90d,
            contacts=contacts,
            dormant_365d=dormant_365d,
            favors_given=favors_given,
            favors_received=favors_received,
            introductions_made=introductions_made,
            introductions_made_90d=introductions_made_90d,
            needs_met_90d=needs_met_90d,
            needs_open=needs_open,
            new_by_month=new_by_month,
            paid_forward=paid_forward,
            touches_by_month=touches_by_month,
        )

        return stats
