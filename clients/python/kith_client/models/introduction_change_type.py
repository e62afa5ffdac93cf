from enum import StrEnum


class IntroductionChangeType(StrEnum):
    INTRODUCTION = "introduction"

    def __str__(self) -> str:
        return str(self.value)
