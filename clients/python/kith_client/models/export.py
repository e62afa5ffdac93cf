from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.access_token import AccessToken
    from ..models.archive_photo import ArchivePhoto
    from ..models.contact import Contact
    from ..models.interaction import Interaction
    from ..models.introduction import Introduction
    from ..models.ledger_entry import LedgerEntry
    from ..models.need import Need
    from ..models.relationship import Relationship
    from ..models.tag import Tag
    from ..models.user import User


T = TypeVar("T", bound="Export")


@_attrs_define
class Export:
    """Every record of the account. (An import refuses fields it does not know,
    so the schema says `additionalProperties: false`.)

        Attributes:
            contacts (list[Contact]):
            exported_at (datetime.datetime):
            format_version (int): `1`.
            interactions (list[Interaction]):
            introductions (list[Introduction]):
            ledger (list[LedgerEntry]):
            relationships (list[Relationship]):
            tags (list[Tag]):
            tokens (list[AccessToken]): Metadata only: secrets are never exported.
            user (User): The account.
            needs (list[Need] | Unset): Asks and offers. An archive without it has none.
            photos (list[ArchivePhoto] | Unset): The contacts' photos as they were put (their thumbnails are made
                again on import). An archive without it has none.
    """

    contacts: list[Contact]
    exported_at: datetime.datetime
    format_version: int
    interactions: list[Interaction]
    introductions: list[Introduction]
    ledger: list[LedgerEntry]
    relationships: list[Relationship]
    tags: list[Tag]
    tokens: list[AccessToken]
    user: User
    needs: list[Need] | Unset = UNSET
    photos: list[ArchivePhoto] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contacts = []
        for contacts_item_data in self.contacts:
            contacts_item = contacts_item_data.to_dict()
            contacts.append(contacts_item)

        exported_at = self.exported_at.isoformat()

        format_version = self.format_version

        interactions = []
        for interactions_item_data in self.interactions:
            interactions_item = interactions_item_data.to_dict()
            interactions.append(interactions_item)

        introductions = []
        for introductions_item_data in self.introductions:
            introductions_item = introductions_item_data.to_dict()
            introductions.append(introductions_item)

        ledger = []
        for ledger_item_data in self.ledger:
            ledger_item = ledger_item_data.to_dict()
            ledger.append(ledger_item)

        relationships = []
        for relationships_item_data in self.relationships:
            relationships_item = relationships_item_data.to_dict()
            relationships.append(relationships_item)

        tags = []
        for tags_item_data in self.tags:
            tags_item = tags_item_data.to_dict()
            tags.append(tags_item)

        tokens = []
        for tokens_item_data in self.tokens:
            tokens_item = tokens_item_data.to_dict()
            tokens.append(tokens_item)

        user = self.user.to_dict()

        needs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.needs, Unset):
            needs = []
            for needs_item_data in self.needs:
                needs_item = needs_item_data.to_dict()
                needs.append(needs_item)

        photos: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.photos, Unset):
            photos = []
            for photos_item_data in self.photos:
                photos_item = photos_item_data.to_dict()
                photos.append(photos_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contacts": contacts,
                "exported_at": exported_at,
                "format_version": format_version,
                "interactions": interactions,
                "introductions": introductions,
                "ledger": ledger,
                "relationships": relationships,
                "tags": tags,
                "tokens": tokens,
                "user": user,
            }
        )
        if needs is not UNSET:
            field_dict["needs"] = needs
        if photos is not UNSET:
            field_dict["photos"] = photos

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.access_token import AccessToken
        from ..models.archive_photo import ArchivePhoto
        from ..models.contact import Contact
        from ..models.interaction import Interaction
        from ..models.introduction import Introduction
        from ..models.ledger_entry import LedgerEntry
        from ..models.need import Need
        from ..models.relationship import Relationship
        from ..models.tag import Tag
        from ..models.user import User

        d = dict(src_dict)
        contacts = []
        _contacts = d.pop("contacts")
        for contacts_item_data in _contacts:
            contacts_item = Contact.from_dict(contacts_item_data)

            contacts.append(contacts_item)

        exported_at = datetime.datetime.fromisoformat(d.pop("exported_at"))

        format_version = d.pop("format_version")

        interactions = []
        _interactions = d.pop("interactions")
        for interactions_item_data in _interactions:
            interactions_item = Interaction.from_dict(interactions_item_data)

            interactions.append(interactions_item)

        introductions = []
        _introductions = d.pop("introductions")
        for introductions_item_data in _introductions:
            introductions_item = Introduction.from_dict(introductions_item_data)

            introductions.append(introductions_item)

        ledger = []
        _ledger = d.pop("ledger")
        for ledger_item_data in _ledger:
            ledger_item = LedgerEntry.from_dict(ledger_item_data)

            ledger.append(ledger_item)

        relationships = []
        _relationships = d.pop("relationships")
        for relationships_item_data in _relationships:
            relationships_item = Relationship.from_dict(relationships_item_data)

            relationships.append(relationships_item)

        tags = []
        _tags = d.pop("tags")
        for tags_item_data in _tags:
            tags_item = Tag.from_dict(tags_item_data)

            tags.append(tags_item)

        tokens = []
        _tokens = d.pop("tokens")
        for tokens_item_data in _tokens:
            tokens_item = AccessToken.from_dict(tokens_item_data)

            tokens.append(tokens_item)

        user = User.from_dict(d.pop("user"))

        _needs = d.pop("needs", UNSET)
        needs: list[Need] | Unset = UNSET
        if _needs is not UNSET:
            needs = []
            for needs_item_data in _needs:
                needs_item = Need.from_dict(needs_item_data)

                needs.append(needs_item)

        _photos = d.pop("photos", UNSET)
        photos: list[ArchivePhoto] | Unset = UNSET
        if _photos is not UNSET:
            photos = []
            for photos_item_data in _photos:
                photos_item = ArchivePhoto.from_dict(photos_item_data)

                photos.append(photos_item)

        export = cls(
            contacts=contacts,
            exported_at=exported_at,
            format_version=format_version,
            interactions=interactions,
            introductions=introductions,
            ledger=ledger,
            relationships=relationships,
            tags=tags,
            tokens=tokens,
            user=user,
            needs=needs,
            photos=photos,
        )

        return export
