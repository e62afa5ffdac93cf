from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactBalance")


@_attrs_define
class ContactBalance:
    """One contact's balance, with the "all take" signal.

    Attributes:
        balance (int): `given − received`: positive, they owe you; negative, you owe them.
        contact_id (UUID):
        display_name (str):
        given (int): Weights of done favors you gave.
        open_asks (int): Open favors you asked for.
        open_promises (int): Open favors you promised or were asked for.
        received (int): Weights of done favors you received.
        takes_without_giving (bool): Over the last 365 days you received favors weighing 3 or more from
            them and gave them nothing.
        last_given_on (datetime.date | None | Unset):
        last_received_on (datetime.date | None | Unset):
    """

    balance: int
    contact_id: UUID
    display_name: str
    given: int
    open_asks: int
    open_promises: int
    received: int
    takes_without_giving: bool
    last_given_on: datetime.date | None | Unset = UNSET
    last_received_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        contact_id = str(self.contact_id)

        display_name = self.display_name

        given = self.given

        open_asks = self.open_asks

        open_promises = self.open_promises

        received = self.received

        takes_without_giving = self.takes_without_giving

        last_given_on: None | str | Unset
        if isinstance(self.last_given_on, Unset):
            last_given_on = UNSET
        elif isinstance(self.last_given_on, datetime.date):
            last_given_on = self.last_given_on.isoformat()
        else:
            last_given_on = self.last_given_on

        last_received_on: None | str | Unset
        if isinstance(self.last_received_on, Unset):
            last_received_on = UNSET
        elif isinstance(self.last_received_on, datetime.date):
            last_received_on = self.last_received_on.isoformat()
        else:
            last_received_on = self.last_received_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance": balance,
                "contact_id": contact_id,
                "display_name": display_name,
                "given": given,
                "open_asks": open_asks,
                "open_promises": open_promises,
                "received": received,
                "takes_without_giving": takes_without_giving,
            }
        )
        if last_given_on is not UNSET:
            field_dict["last_given_on"] = last_given_on
        if last_received_on is not UNSET:
            field_dict["last_received_on"] = last_received_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        balance = d.pop("balance")

        contact_id = UUID(d.pop("contact_id"))

        display_name = d.pop("display_name")

        given = d.pop("given")

        open_asks = d.pop("open_asks")

        open_promises = d.pop("open_promises")

        received = d.pop("received")

        takes_without_giving = d.pop("takes_without_giving")

        def _parse_last_given_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_given_on_type_0 = datetime.date.fromisoformat(data)

                return last_given_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        last_given_on = _parse_last_given_on(d.pop("last_given_on", UNSET))

        def _parse_last_received_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_received_on_type_0 = datetime.date.fromisoformat(data)

                return last_received_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        last_received_on = _parse_last_received_on(d.pop("last_received_on", UNSET))

        contact_balance = cls(
            balance=balance,
            contact_id=contact_id,
            display_name=display_name,
            given=given,
            open_asks=open_asks,
            open_promises=open_promises,
            received=received,
            takes_without_giving=takes_without_giving,
            last_given_on=last_given_on,
            last_received_on=last_received_on,
        )

        contact_balance.additional_properties = d
        return contact_balance

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
