from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_create_external_ids_type_0 import (
        ContactCreateExternalIdsType0,
    )
    from ..models.email import Email
    from ..models.link import Link
    from ..models.phone import Phone


T = TypeVar("T", bound="ContactCreate")


@_attrs_define
class ContactCreate:
    """The fields of a new contact. Only `display_name` is required. Text is
    stored trimmed; empty text reads as none.

        Attributes:
            display_name (str):  Example: Ana Lima.
            archived (bool | None | Unset):
            birthday (None | str | Unset): `YYYY-MM-DD` (a past day from 1800 on), or `--MM-DD` when the year is unknown.
                Example: 1990-04-17.
            cadence_days (int | None | Unset):
            closeness (int | None | Unset): How well you know them, 1–5.
            company (None | str | Unset):  Example: Initech.
            emails (list[Email] | None | Unset):
            external_ids (ContactCreateExternalIdsType0 | None | Unset): Ids in other systems by source (`a-z`, `0-9`, `_`,
                `-`, `.`, beginning with a letter; at most 20). Another contact of yours with the same id of a source is a
                `409`.
            family_name (None | str | Unset):  Example: Lima.
            given_name (None | str | Unset):  Example: Ana.
            how_we_met (None | str | Unset):  Example: RustConf 2025, the hallway track.
            links (list[Link] | None | Unset):
            location (None | str | Unset):  Example: Lisbon.
            met_on (datetime.date | None | Unset): The day you met: a past day, `YYYY-MM-DD`. Example: 2024-10-09.
            met_via (None | Unset | UUID): The id of another of your contacts.
            notes (None | str | Unset):  Example: Prefers mornings; two kids..
            phones (list[Phone] | None | Unset):
            snoozed_until (datetime.date | None | Unset):
            tags (list[str] | None | Unset): Tags of 1–50 characters (no `/`); stored in lower case, each once.
            title (None | str | Unset):  Example: Head of Platform.
            vcard_extras (list[str] | None | Unset): vCard properties kith does not read (`X-…` lines), written back on
                export.
    """

    display_name: str
    archived: bool | None | Unset = UNSET
    birthday: None | str | Unset = UNSET
    cadence_days: int | None | Unset = UNSET
    closeness: int | None | Unset = UNSET
    company: None | str | Unset = UNSET
    emails: list[Email] | None | Unset = UNSET
    external_ids: ContactCreateExternalIdsType0 | None | Unset = UNSET
    family_name: None | str | Unset = UNSET
    given_name: None | str | Unset = UNSET
    how_we_met: None | str | Unset = UNSET
    links: list[Link] | None | Unset = UNSET
    location: None | str | Unset = UNSET
    met_on: datetime.date | None | Unset = UNSET
    met_via: None | Unset | UUID = UNSET
    notes: None | str | Unset = UNSET
    phones: list[Phone] | None | Unset = UNSET
    snoozed_until: datetime.date | None | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    title: None | str | Unset = UNSET
    vcard_extras: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_create_external_ids_type_0 import (
            ContactCreateExternalIdsType0,
        )

        display_name = self.display_name

        archived: bool | None | Unset
        if isinstance(self.archived, Unset):
            archived = UNSET
        else:
            archived = self.archived

        birthday: None | str | Unset
        if isinstance(self.birthday, Unset):
            birthday = UNSET
        else:
            birthday = self.birthday

        cadence_days: int | None | Unset
        if isinstance(self.cadence_days, Unset):
            cadence_days = UNSET
        else:
            cadence_days = self.cadence_days

        closeness: int | None | Unset
        if isinstance(self.closeness, Unset):
            closeness = UNSET
        else:
            closeness = self.closeness

        company: None | str | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        else:
            company = self.company

        emails: list[dict[str, Any]] | None | Unset
        if isinstance(self.emails, Unset):
            emails = UNSET
        elif isinstance(self.emails, list):
            emails = []
            for emails_type_0_item_data in self.emails:
                emails_type_0_item = emails_type_0_item_data.to_dict()
                emails.append(emails_type_0_item)

        else:
            emails = self.emails

        external_ids: dict[str, Any] | None | Unset
        if isinstance(self.external_ids, Unset):
            external_ids = UNSET
        elif isinstance(self.external_ids, ContactCreateExternalIdsType0):
            external_ids = self.external_ids.to_dict()
        else:
            external_ids = self.external_ids

        family_name: None | str | Unset
        if isinstance(self.family_name, Unset):
            family_name = UNSET
        else:
            family_name = self.family_name

        given_name: None | str | Unset
        if isinstance(self.given_name, Unset):
            given_name = UNSET
        else:
            given_name = self.given_name

        how_we_met: None | str | Unset
        if isinstance(self.how_we_met, Unset):
            how_we_met = UNSET
        else:
            how_we_met = self.how_we_met

        links: list[dict[str, Any]] | None | Unset
        if isinstance(self.links, Unset):
            links = UNSET
        elif isinstance(self.links, list):
            links = []
            for links_type_0_item_data in self.links:
                links_type_0_item = links_type_0_item_data.to_dict()
                links.append(links_type_0_item)

        else:
            links = self.links

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        met_on: None | str | Unset
        if isinstance(self.met_on, Unset):
            met_on = UNSET
        elif isinstance(self.met_on, datetime.date):
            met_on = self.met_on.isoformat()
        else:
            met_on = self.met_on

        met_via: None | str | Unset
        if isinstance(self.met_via, Unset):
            met_via = UNSET
        elif isinstance(self.met_via, UUID):
            met_via = str(self.met_via)
        else:
            met_via = self.met_via

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        phones: list[dict[str, Any]] | None | Unset
        if isinstance(self.phones, Unset):
            phones = UNSET
        elif isinstance(self.phones, list):
            phones = []
            for phones_type_0_item_data in self.phones:
                phones_type_0_item = phones_type_0_item_data.to_dict()
                phones.append(phones_type_0_item)

        else:
            phones = self.phones

        snoozed_until: None | str | Unset
        if isinstance(self.snoozed_until, Unset):
            snoozed_until = UNSET
        elif isinstance(self.snoozed_until, datetime.date):
            snoozed_until = self.snoozed_until.isoformat()
        else:
            snoozed_until = self.snoozed_until

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        vcard_extras: list[str] | None | Unset
        if isinstance(self.vcard_extras, Unset):
            vcard_extras = UNSET
        elif isinstance(self.vcard_extras, list):
            vcard_extras = self.vcard_extras

        else:
            vcard_extras = self.vcard_extras

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "display_name": display_name,
            }
        )
        if archived is not UNSET:
            field_dict["archived"] = archived
        if birthday is not UNSET:
            field_dict["birthday"] = birthday
        if cadence_days is not UNSET:
            field_dict["cadence_days"] = cadence_days
        if closeness is not UNSET:
            field_dict["closeness"] = closeness
        if company is not UNSET:
            field_dict["company"] = company
        if emails is not UNSET:
            field_dict["emails"] = emails
        if external_ids is not UNSET:
            field_dict["external_ids"] = external_ids
        if family_name is not UNSET:
            field_dict["family_name"] = family_name
        if given_name is not UNSET:
            field_dict["given_name"] = given_name
        if how_we_met is not UNSET:
            field_dict["how_we_met"] = how_we_met
        if links is not UNSET:
            field_dict["links"] = links
        if location is not UNSET:
            field_dict["location"] = location
        if met_on is not UNSET:
            field_dict["met_on"] = met_on
        if met_via is not UNSET:
            field_dict["met_via"] = met_via
        if notes is not UNSET:
            field_dict["notes"] = notes
        if phones is not UNSET:
            field_dict["phones"] = phones
        if snoozed_until is not UNSET:
            field_dict["snoozed_until"] = snoozed_until
        if tags is not UNSET:
            field_dict["tags"] = tags
        if title is not UNSET:
            field_dict["title"] = title
        if vcard_extras is not UNSET:
            field_dict["vcard_extras"] = vcard_extras

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_create_external_ids_type_0 import (
            ContactCreateExternalIdsType0,
        )
        from ..models.email import Email
        from ..models.link import Link
        from ..models.phone import Phone

        d = dict(src_dict)
        display_name = d.pop("display_name")

        def _parse_archived(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        archived = _parse_archived(d.pop("archived", UNSET))

        def _parse_birthday(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        birthday = _parse_birthday(d.pop("birthday", UNSET))

        def _parse_cadence_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cadence_days = _parse_cadence_days(d.pop("cadence_days", UNSET))

        def _parse_closeness(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        closeness = _parse_closeness(d.pop("closeness", UNSET))

        def _parse_company(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company = _parse_company(d.pop("company", UNSET))

        def _parse_emails(data: object) -> list[Email] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                emails_type_0 = []
                _emails_type_0 = data
                for emails_type_0_item_data in _emails_type_0:
                    emails_type_0_item = Email.from_dict(emails_type_0_item_data)

                    emails_type_0.append(emails_type_0_item)

                return emails_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Email] | None | Unset, data)

        emails = _parse_emails(d.pop("emails", UNSET))

        def _parse_external_ids(
            data: object,
        ) -> ContactCreateExternalIdsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                external_ids_type_0 = ContactCreateExternalIdsType0.from_dict(data)

                return external_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactCreateExternalIdsType0 | None | Unset, data)

        external_ids = _parse_external_ids(d.pop("external_ids", UNSET))

        def _parse_family_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        family_name = _parse_family_name(d.pop("family_name", UNSET))

        def _parse_given_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        given_name = _parse_given_name(d.pop("given_name", UNSET))

        def _parse_how_we_met(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        how_we_met = _parse_how_we_met(d.pop("how_we_met", UNSET))

        def _parse_links(data: object) -> list[Link] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                links_type_0 = []
                _links_type_0 = data
                for links_type_0_item_data in _links_type_0:
                    links_type_0_item = Link.from_dict(links_type_0_item_data)

                    links_type_0.append(links_type_0_item)

                return links_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Link] | None | Unset, data)

        links = _parse_links(d.pop("links", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_met_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                met_on_type_0 = datetime.date.fromisoformat(data)

                return met_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        met_on = _parse_met_on(d.pop("met_on", UNSET))

        def _parse_met_via(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                met_via_type_0 = UUID(data)

                return met_via_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        met_via = _parse_met_via(d.pop("met_via", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_phones(data: object) -> list[Phone] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                phones_type_0 = []
                _phones_type_0 = data
                for phones_type_0_item_data in _phones_type_0:
                    phones_type_0_item = Phone.from_dict(phones_type_0_item_data)

                    phones_type_0.append(phones_type_0_item)

                return phones_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Phone] | None | Unset, data)

        phones = _parse_phones(d.pop("phones", UNSET))

        def _parse_snoozed_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                snoozed_until_type_0 = datetime.date.fromisoformat(data)

                return snoozed_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        snoozed_until = _parse_snoozed_until(d.pop("snoozed_until", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_vcard_extras(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                vcard_extras_type_0 = cast(list[str], data)

                return vcard_extras_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        vcard_extras = _parse_vcard_extras(d.pop("vcard_extras", UNSET))

        contact_create = cls(
            display_name=display_name,
            archived=archived,
            birthday=birthday,
            cadence_days=cadence_days,
            closeness=closeness,
            company=company,
            emails=emails,
            external_ids=external_ids,
            family_name=family_name,
            given_name=given_name,
            how_we_met=how_we_met,
            links=links,
            location=location,
            met_on=met_on,
            met_via=met_via,
            notes=notes,
            phones=phones,
            snoozed_until=snoozed_until,
            tags=tags,
            title=title,
            vcard_extras=vcard_extras,
        )

        return contact_create
