from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_in_names import MessageInNames


T = TypeVar("T", bound="MessageIn")


@_attrs_define
class MessageIn:
    """One message, as a script reading a mailbox or an email API sends it:
    headers only, never a body.

        Attributes:
            date (datetime.datetime): When it was sent: at most a day ahead. Example: 2026-11-30T09:15:00Z.
            from_ (str): An email address (schema: `format: email`). Example: ana@example.com.
            source_id (str): The message's id where it came from (its `Message-ID`, say): the
                same id twice is logged once. Example: <CAF=abc123@mail.example.com>.
            cc (list[str] | Unset):
            names (MessageInNames | Unset): The display names the headers give, by address (at most 200, each at most 200
                characters): a suggestion shows the last one seen.
            subject (None | str | Unset): Becomes the interaction's summary (unless `store_subject=false`). Example: Lunch
                next week?.
            thread_id (None | str | Unset): The conversation it belongs to, for `collapse=thread_day`. Example: thread-42.
            to (list[str] | Unset):
    """

    date: datetime.datetime
    from_: str
    source_id: str
    cc: list[str] | Unset = UNSET
    names: MessageInNames | Unset = UNSET
    subject: None | str | Unset = UNSET
    thread_id: None | str | Unset = UNSET
    to: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        from_ = self.from_

        source_id = self.source_id

        cc: list[str] | Unset = UNSET
        if not isinstance(self.cc, Unset):
            cc = self.cc

        names: dict[str, Any] | Unset = UNSET
        if not isinstance(self.names, Unset):
            names = self.names.to_dict()

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        thread_id: None | str | Unset
        if isinstance(self.thread_id, Unset):
            thread_id = UNSET
        else:
            thread_id = self.thread_id

        to: list[str] | Unset = UNSET
        if not isinstance(self.to, Unset):
            to = self.to

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date": date,
                "from": from_,
                "source_id": source_id,
            }
        )
        if cc is not UNSET:
            field_dict["cc"] = cc
        if names is not UNSET:
            field_dict["names"] = names
        if subject is not UNSET:
            field_dict["subject"] = subject
        if thread_id is not UNSET:
            field_dict["thread_id"] = thread_id
        if to is not UNSET:
            field_dict["to"] = to

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message_in_names import MessageInNames

        d = dict(src_dict)
        date = datetime.datetime.fromisoformat(d.pop("date"))

        from_ = d.pop("from")

        source_id = d.pop("source_id")

        cc = cast(list[str], d.pop("cc", UNSET))

        _names = d.pop("names", UNSET)
        names: MessageInNames | Unset
        if isinstance(_names, Unset):
            names = UNSET
        else:
            names = MessageInNames.from_dict(_names)

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        def _parse_thread_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        thread_id = _parse_thread_id(d.pop("thread_id", UNSET))

        to = cast(list[str], d.pop("to", UNSET))

        message_in = cls(
            date=date,
            from_=from_,
            source_id=source_id,
            cc=cc,
            names=names,
            subject=subject,
            thread_id=thread_id,
            to=to,
        )

        return message_in
