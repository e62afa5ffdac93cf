from enum import StrEnum


class NeedStatus(StrEnum):
    DROPPED = "dropped"
    MET = "met"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
