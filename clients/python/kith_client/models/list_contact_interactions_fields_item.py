from enum import StrEnum


class ListContactInteractionsFieldsItem(StrEnum):
    CONTACT_IDS = "contact_ids"
    COUNTS_AS_TOUCH = "counts_as_touch"
    CREATED_AT = "created_at"
    DIRECTION = "direction"
    FOLLOW_UP_ON = "follow_up_on"
    ID = "id"
    KIND = "kind"
    NOTES = "notes"
    OCCURRED_AT = "occurred_at"
    SUMMARY = "summary"
    UPDATED_AT = "updated_at"
    VERSION = "version"

    def __str__(self) -> str:
        return str(self.value)
