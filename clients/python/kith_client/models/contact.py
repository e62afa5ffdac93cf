from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_external_ids import ContactExternalIds
    from ..models.email import Email
    from ..models.link import Link
    from ..models.phone import Phone


T = TypeVar("T", bound="Contact")


@_attrs_define
class Contact:
    """A person in your network.

    Attributes:
        archived (bool):
        balance (int): Read-only: the weights of done favors you gave them minus those you
            received. Positive: they owe you; negative: you owe them.
        created_at (datetime.datetime):
        display_name (str):  Example: Ana Lima.
        emails (list[Email]):
        external_ids (ContactExternalIds): The contact's ids in other systems, by source (`{"crm": "42"}`):
            each names one contact of yours. Example: {'crm': '42'}.
        id (UUID):
        links (list[Link]):
        open_needs (int): Read-only: their asks and offers still open (`GET /v1/needs?contact_id=`).
        phones (list[Phone]):
        tags (list[str]): Lower-case tag names.
        updated_at (datetime.datetime):
        vcard_extras (list[str]): vCard properties kith does not read, kept from an import and written
            back on export.
        version (int): Increases with every change; also sent as the `ETag`.
        birthday (None | str | Unset): `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. Example: --04-17.
        cadence_days (int | None | Unset): How often you aim to be in touch, in days.
        closeness (int | None | Unset): How well you know them: 1 (barely) to 5 (very well).
        company (None | str | Unset):
        effective_cadence_days (int | None | Unset): Read-only: `cadence_days`, else the shortest `default_cadence_days`
            among the contact's tags, else `null`.
        family_name (None | str | Unset):
        given_name (None | str | Unset):
        how_we_met (None | str | Unset):
        last_interaction_at (datetime.datetime | None | Unset): Read-only: the latest `occurred_at` among interactions
            that count as a
            touch and include this contact.
        location (None | str | Unset):
        merged_into (None | str | Unset): The contact this one was merged into; a merged contact stays in the
            trash and cannot be restored.
        met_on (datetime.date | None | Unset): The day you met. Example: 2024-10-09.
        met_via (None | Unset | UUID): The contact who introduced you.
        next_due_at (datetime.datetime | None | Unset): Read-only: `last_interaction_at` (or `created_at`) plus the
            effective
            cadence, no earlier than 00:00 UTC of `snoozed_until`; `null` without a
            cadence or when archived.
        notes (None | str | Unset):
        photo_url (None | str | Unset): Read-only: where the contact's photo is (`PUT` there to set one);
            `null` without one. Its `v` changes with the photo, so a client may
            keep what it read from this URL for good. Example:
            /v1/contacts/01J9Z7Y1Q4R8X2V6T3M5N0B7CD/photo?v=9f86d081884c7d65.
        snoozed_until (datetime.date | None | Unset): No reminders before this date.
        title (None | str | Unset):
        trashed_at (datetime.datetime | None | Unset): When the contact was moved to the trash; `null` when it is not
            there.
    """

    archived: bool
    balance: int
    created_at: datetime.datetime
    display_name: str
    emails: list[Email]
    external_ids: ContactExternalIds
    id: UUID
    links: list[Link]
    open_needs: int
    phones: list[Phone]
    tags: list[str]
    updated_at: datetime.datetime
    vcard_extras: list[str]
    version: int
    birthday: None | str | Unset = UNSET
    cadence_days: int | None | Unset = UNSET
    closeness: int | None | Unset = UNSET
    company: None | str | Unset = UNSET
    effective_cadence_days: int | None | Unset = UNSET
    family_name: None | str | Unset = UNSET
    given_name: None | str | Unset = UNSET
    how_we_met: None | str | Unset = UNSET
    last_interaction_at: datetime.datetime | None | Unset = UNSET
    location: None | str | Unset = UNSET
    merged_into: None | str | Unset = UNSET
    met_on: datetime.date | None | Unset = UNSET
    met_via: None | Unset | UUID = UNSET
    next_due_at: datetime.datetime | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    photo_url: None | str | Unset = UNSET
    snoozed_until: datetime.date | None | Unset = UNSET
    title: None | str | Unset = UNSET
    trashed_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        archived = self.archived

        balance = self.balance

        created_at = self.created_at.isoformat()

        display_name = self.display_name

        emails = []
        for emails_item_data in self.emails:
            emails_item = emails_item_data.to_dict()
            emails.append(emails_item)

        external_ids = self.external_ids.to_dict()

        id = str(self.id)

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        open_needs = self.open_needs

        phones = []
        for phones_item_data in self.phones:
            phones_item = phones_item_data.to_dict()
            phones.append(phones_item)

        tags = self.tags

        updated_at = self.updated_at.isoformat()

        vcard_extras = self.vcard_extras

        version = self.version

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

        effective_cadence_days: int | None | Unset
        if isinstance(self.effective_cadence_days, Unset):
            effective_cadence_days = UNSET
        else:
            effective_cadence_days = self.effective_cadence_days

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

        last_interaction_at: None | str | Unset
        if isinstance(self.last_interaction_at, Unset):
            last_interaction_at = UNSET
        elif isinstance(self.last_interaction_at, datetime.datetime):
            last_interaction_at = self.last_interaction_at.isoformat()
        else:
            last_interaction_at = self.last_interaction_at

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        merged_into: None | str | Unset
        if isinstance(self.merged_into, Unset):
            merged_into = UNSET
        else:
            merged_into = self.merged_into

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

        next_due_at: None | str | Unset
        if isinstance(self.next_due_at, Unset):
            next_due_at = UNSET
        elif isinstance(self.next_due_at, datetime.datetime):
            next_due_at = self.next_due_at.isoformat()
        else:
            next_due_at = self.next_due_at

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        photo_url: None | str | Unset
        if isinstance(self.photo_url, Unset):
            photo_url = UNSET
        else:
            photo_url = self.photo_url

        snoozed_until: None | str | Unset
        if isinstance(self.snoozed_until, Unset):
            snoozed_until = UNSET
        elif isinstance(self.snoozed_until, datetime.date):
            snoozed_until = self.snoozed_until.isoformat()
        else:
            snoozed_until = self.snoozed_until

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        trashed_at: None | str | Unset
        if isinstance(self.trashed_at, Unset):
            trashed_at = UNSET
        elif isinstance(self.trashed_at, datetime.datetime):
            trashed_at = self.trashed_at.isoformat()
        else:
            trashed_at = self.trashed_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "archived": archived,
                "balance": balance,
                "created_at": created_at,
                "display_name": display_name,
                "emails": emails,
                "external_ids": external_ids,
                "id": id,
                "links": links,
                "open_needs": open_needs,
                "phones": phones,
                "tags": tags,
                "updated_at": updated_at,
                "vcard_extras": vcard_extras,
                "version": version,
            }
        )
        if birthday is not UNSET:
            field_dict["birthday"] = birthday
        if cadence_days is not UNSET:
            field_dict["cadence_days"] = cadence_days
        if closeness is not UNSET:
            field_dict["closeness"] = closeness
        if company is not UNSET:
            field_dict["company"] = company
        if effective_cadence_days is not UNSET:
            field_dict["effective_cadence_days"] = effective_cadence_days
        if family_name is not UNSET:
            field_dict["family_name"] = family_name
        if given_name is not UNSET:
            field_dict["given_name"] = given_name
        if how_we_met is not UNSET:
            field_dict["how_we_met"] = how_we_met
        if last_interaction_at is not UNSET:
            field_dict["last_interaction_at"] = last_interaction_at
        if location is not UNSET:
            field_dict["location"] = location
        if merged_into is not UNSET:
            field_dict["merged_into"] = merged_into
        if met_on is not UNSET:
            field_dict["met_on"] = met_on
        if met_via is not UNSET:
            field_dict["met_via"] = met_via
        if next_due_at is not UNSET:
            field_dict["next_due_at"] = next_due_at
        if notes is not UNSET:
            field_dict["notes"] = notes
        if photo_url is not UNSET:
            field_dict["photo_url"] = photo_url
        if snoozed_until is not UNSET:
            field_dict["snoozed_until"] = snoozed_until
        if title is not UNSET:
            field_dict["title"] = title
        if trashed_at is not UNSET:
            field_dict["trashed_at"] = trashed_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_external_ids import ContactExternalIds
        from ..models.email import Email
        from ..models.link import Link
        from ..models.phone import Phone

        d = dict(src_dict)
        archived = d.pop("archived")

        balance = d.pop("balance")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        display_name = d.pop("display_name")

        emails = []
        _emails = d.pop("emails")
        for emails_item_data in _emails:
            emails_item = Email.from_dict(emails_item_data)

            emails.append(emails_item)

        external_ids = ContactExternalIds.from_dict(d.pop("external_ids"))

        id = UUID(d.pop("id"))

        links = []
        _links = d.pop("links")
        for links_item_data in _links:
            links_item = Link.from_dict(links_item_data)

            links.append(links_item)

        open_needs = d.pop("open_needs")

        phones = []
        _phones = d.pop("phones")
        for phones_item_data in _phones:
            phones_item = Phone.from_dict(phones_item_data)

            phones.append(phones_item)

        tags = cast(list[str], d.pop("tags"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        vcard_extras = cast(list[str], d.pop("vcard_extras"))

        version = d.pop("version")

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

        def _parse_effective_cadence_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        effective_cadence_days = _parse_effective_cadence_days(
            d.pop("effective_cadence_days", UNSET)
        )

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

        def _parse_last_interaction_at(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_interaction_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_interaction_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_interaction_at = _parse_last_interaction_at(
            d.pop("last_interaction_at", UNSET)
        )

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_merged_into(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merged_into = _parse_merged_into(d.pop("merged_into", UNSET))

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

        def _parse_next_due_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_due_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_due_at = _parse_next_due_at(d.pop("next_due_at", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_photo_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        photo_url = _parse_photo_url(d.pop("photo_url", UNSET))

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

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_trashed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trashed_at_type_0 = datetime.datetime.fromisoformat(data)

                return trashed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        trashed_at = _parse_trashed_at(d.pop("trashed_at", UNSET))

        contact = cls(
            archived=archived,
            balance=balance,
            created_at=created_at,
            display_name=display_name,
            emails=emails,
            external_ids=external_ids,
            id=id,
            links=links,
            open_needs=open_needs,
            phones=phones,
            tags=tags,
            updated_at=updated_at,
            vcard_extras=vcard_extras,
            version=version,
            birthday=birthday,
            cadence_days=cadence_days,
            closeness=closeness,
            company=company,
            effective_cadence_days=effective_cadence_days,
            family_name=family_name,
            given_name=given_name,
            how_we_met=how_we_met,
            last_interaction_at=last_interaction_at,
            location=location,
            merged_into=merged_into,
            met_on=met_on,
            met_via=met_via,
            next_due_at=next_due_at,
            notes=notes,
            photo_url=photo_url,
            snoozed_until=snoozed_until,
            title=title,
            trashed_at=trashed_at,
        )

        return contact
