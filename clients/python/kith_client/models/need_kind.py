from enum import StrEnum


class NeedKind(StrEnum):
    ASK = "ask"
    OFFER = "offer"

    def __str__(self) -> str:
        return str(self.value)
