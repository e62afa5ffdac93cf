from enum import StrEnum


class InteractionKind(StrEnum):
    CALL = "call"
    COFFEE = "coffee"
    EMAIL = "email"
    EVENT = "event"
    LETTER = "letter"
    MEAL = "meal"
    MEETING = "meeting"
    MESSAGE = "message"
    OTHER = "other"
    SOCIAL = "social"
    VIDEO_CALL = "video_call"

    def __str__(self) -> str:
        return str(self.value)
