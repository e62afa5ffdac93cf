from enum import StrEnum


class GetLedgerEntryFieldsItem(StrEnum):
    COMPLETED_ON = "completed_on"
    CONTACT_ID = "contact_id"
    CREATED_AT = "created_at"
    DESCRIPTION = "description"
    DIRECTION = "direction"
    DUE_ON = "due_on"
    ID = "id"
    INTERACTION_ID = "interaction_id"
    INTRODUCTION_ID = "introduction_id"
    KIND = "kind"
    OCCURRED_ON = "occurred_on"
    REPAYS_ID = "repays_id"
    STATUS = "status"
    UPDATED_AT = "updated_at"
    VERSION = "version"
    WEIGHT = "weight"

    def __str__(self) -> str:
        return str(self.value)
