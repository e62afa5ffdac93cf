from enum import StrEnum


class WebhookCreateEventsItem(StrEnum):
    AGENDA = "agenda.*"
    AGENDA_BIRTHDAY = "agenda.birthday"
    AGENDA_CONTACT_OVERDUE = "agenda.contact_overdue"
    AGENDA_FOLLOW_UP_DUE = "agenda.follow_up_due"
    AGENDA_PROMISE_DUE = "agenda.promise_due"
    CONTACT = "contact.*"
    CONTACT_CREATED = "contact.created"
    CONTACT_DELETED = "contact.deleted"
    CONTACT_MERGED = "contact.merged"
    CONTACT_RESTORED = "contact.restored"
    CONTACT_UPDATED = "contact.updated"
    INTERACTION = "interaction.*"
    INTERACTION_CREATED = "interaction.created"
    INTERACTION_DELETED = "interaction.deleted"
    INTERACTION_UPDATED = "interaction.updated"
    INTRODUCTION = "introduction.*"
    INTRODUCTION_CREATED = "introduction.created"
    INTRODUCTION_DELETED = "introduction.deleted"
    INTRODUCTION_UPDATED = "introduction.updated"
    LEDGER_ENTRY = "ledger_entry.*"
    LEDGER_ENTRY_CREATED = "ledger_entry.created"
    LEDGER_ENTRY_DELETED = "ledger_entry.deleted"
    LEDGER_ENTRY_UPDATED = "ledger_entry.updated"
    RELATIONSHIP = "relationship.*"
    RELATIONSHIP_CREATED = "relationship.created"
    RELATIONSHIP_DELETED = "relationship.deleted"
    RELATIONSHIP_UPDATED = "relationship.updated"
    TAG = "tag.*"
    TAG_DELETED = "tag.deleted"
    TAG_UPDATED = "tag.updated"
    VALUE_0 = "*"

    def __str__(self) -> str:
        return str(self.value)
