from enum import StrEnum


class GetRelationshipFieldsItem(StrEnum):
    CONTACT_ID = "contact_id"
    CREATED_AT = "created_at"
    ID = "id"
    KIND = "kind"
    NOTE = "note"
    OTHER_ID = "other_id"
    STRENGTH = "strength"
    UPDATED_AT = "updated_at"
    VERSION = "version"

    def __str__(self) -> str:
        return str(self.value)
