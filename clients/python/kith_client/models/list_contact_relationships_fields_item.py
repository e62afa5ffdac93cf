from enum import StrEnum


class ListContactRelationshipsFieldsItem(StrEnum):
    CONTACT_ID = "contact_id"
    ID = "id"
    KIND = "kind"
    NOTE = "note"
    OTHER = "other"
    STRENGTH = "strength"

    def __str__(self) -> str:
        return str(self.value)
