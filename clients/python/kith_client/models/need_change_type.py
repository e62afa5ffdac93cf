from enum import StrEnum


class NeedChangeType(StrEnum):
    NEED = "need"

    def __str__(self) -> str:
        return str(self.value)
