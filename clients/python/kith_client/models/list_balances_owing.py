from enum import StrEnum


class ListBalancesOwing(StrEnum):
    ME = "me"
    THEM = "them"

    def __str__(self) -> str:
        return str(self.value)
