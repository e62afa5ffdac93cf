from enum import StrEnum


class IntroductionStatus(StrEnum):
    DECLINED = "declined"
    MADE = "made"
    PROPOSED = "proposed"

    def __str__(self) -> str:
        return str(self.value)
