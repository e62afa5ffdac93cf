from enum import StrEnum


class ListLedgerEntriesStatus(StrEnum):
    CANCELLED = "cancelled"
    DECLINED = "declined"
    DONE = "done"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
