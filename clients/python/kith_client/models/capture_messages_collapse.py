from enum import StrEnum


class CaptureMessagesCollapse(StrEnum):
    THREAD_DAY = "thread_day"

    def __str__(self) -> str:
        return str(self.value)
