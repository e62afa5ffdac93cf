from enum import StrEnum


class ListContactsSort(StrEnum):
    CREATED_AT = "created_at"
    LAST_INTERACTION_AT = "last_interaction_at"
    NAME = "name"
    NEXT_DUE_AT = "next_due_at"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-name"
    VALUE_3 = "-created_at"
    VALUE_5 = "-updated_at"
    VALUE_7 = "-last_interaction_at"
    VALUE_9 = "-next_due_at"

    def __str__(self) -> str:
        return str(self.value)
