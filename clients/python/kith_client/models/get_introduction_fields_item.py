from enum import StrEnum


class GetIntroductionFieldsItem(StrEnum):
    CREATED_AT = "created_at"
    ID = "id"
    INTRODUCER_ID = "introducer_id"
    MADE_ON = "made_on"
    NOTE = "note"
    OUTCOME = "outcome"
    PERSON_A_ID = "person_a_id"
    PERSON_B_ID = "person_b_id"
    STATUS = "status"
    UPDATED_AT = "updated_at"
    VERSION = "version"

    def __str__(self) -> str:
        return str(self.value)
