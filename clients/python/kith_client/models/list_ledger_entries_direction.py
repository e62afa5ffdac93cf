from enum import StrEnum


class ListLedgerEntriesDirection(StrEnum):
    GIVEN = "given"
    RECEIVED = "received"

    def __str__(self) -> str:
        return str(self.value)
