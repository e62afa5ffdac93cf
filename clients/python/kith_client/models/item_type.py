from enum import StrEnum


class ItemType(StrEnum):
    ASK_PENDING = "ask_pending"
    BIRTHDAY = "birthday"
    CAN_HELP = "can_help"
    DUE = "due"
    FAVOR_TO_RETURN = "favor_to_return"
    FOLLOW_UP = "follow_up"
    INTRODUCTION_FOLLOW_UP = "introduction_follow_up"
    INTRO_SUGGESTION = "intro_suggestion"
    MEETING_UPCOMING = "meeting_upcoming"
    NEED_EXPIRING = "need_expiring"
    OVERDUE = "overdue"
    PROMISE_DUE = "promise_due"

    def __str__(self) -> str:
        return str(self.value)
