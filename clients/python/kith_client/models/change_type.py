from enum import StrEnum


class ChangeType(StrEnum):
    CONTACT = "contact"
    INTERACTION = "interaction"
    INTRODUCTION = "introduction"
    LEDGER_ENTRY = "ledger_entry"
    RELATIONSHIP = "relationship"
    TAG = "tag"

    def __str__(self) -> str:
        return str(self.value)
