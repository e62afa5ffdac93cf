from enum import StrEnum


class ItemType(StrEnum):
    ASK_PENDING = "ask_pending"
    BIRTHDAY = "birthday"
    DUE = "due"
    FAVOR_TO_RETURN = "favor_to_return"
    FOLLOW_UP = "follow_up"
    INTRODUCTION_FOLLOW_UP = "introduction_follow_up"
    MEETING_UPCOMING = "meeting_upcoming"
    OVERDUE = "overdue"
    PROMISE_DUE = "promise_due"

    def __str__(self) -> str:
        return str(self.value)
