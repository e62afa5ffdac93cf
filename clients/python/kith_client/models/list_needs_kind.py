from enum import StrEnum


class ListNeedsKind(StrEnum):
    ASK = "ask"
    OFFER = "offer"

    def __str__(self) -> str:
        return str(self.value)
