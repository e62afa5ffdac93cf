from enum import StrEnum


class ListInteractionsDirection(StrEnum):
    INBOUND = "inbound"
    MUTUAL = "mutual"
    OUTBOUND = "outbound"

    def __str__(self) -> str:
        return str(self.value)
