from enum import StrEnum


class TagChangeType(StrEnum):
    TAG = "tag"

    def __str__(self) -> str:
        return str(self.value)
