from enum import StrEnum


class InteractionChangeType(StrEnum):
    INTERACTION = "interaction"

    def __str__(self) -> str:
        return str(self.value)
