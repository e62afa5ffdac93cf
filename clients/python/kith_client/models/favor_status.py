from enum import StrEnum


class FavorStatus(StrEnum):
    CANCELLED = "cancelled"
    DECLINED = "declined"
    DONE = "done"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
