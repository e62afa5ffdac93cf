from enum import StrEnum


class FavorDirection(StrEnum):
    GIVEN = "given"
    RECEIVED = "received"

    def __str__(self) -> str:
        return str(self.value)
