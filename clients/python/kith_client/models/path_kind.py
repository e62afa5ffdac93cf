from enum import StrEnum


class PathKind(StrEnum):
    DIRECT = "direct"
    VIA = "via"

    def __str__(self) -> str:
        return str(self.value)
