from enum import StrEnum


class Direction(StrEnum):
    INBOUND = "inbound"
    MUTUAL = "mutual"
    OUTBOUND = "outbound"

    def __str__(self) -> str:
        return str(self.value)
