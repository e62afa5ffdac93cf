from enum import StrEnum


class MetByType(StrEnum):
    INTERACTION = "interaction"
    INTRODUCTION = "introduction"
    LEDGER_ENTRY = "ledger_entry"

    def __str__(self) -> str:
        return str(self.value)
