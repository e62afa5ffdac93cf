from enum import StrEnum


class ListNeedsStatus(StrEnum):
    DROPPED = "dropped"
    MET = "met"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
