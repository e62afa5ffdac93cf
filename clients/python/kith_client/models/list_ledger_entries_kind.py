from enum import StrEnum


class ListLedgerEntriesKind(StrEnum):
    ADVICE = "advice"
    GIFT = "gift"
    HELP = "help"
    INTRODUCTION = "introduction"
    MONEY = "money"
    OTHER = "other"
    RECOMMENDATION = "recommendation"
    REFERRAL = "referral"
    TIME = "time"

    def __str__(self) -> str:
        return str(self.value)
