from enum import StrEnum


class RelationshipKind(StrEnum):
    COLLEAGUE = "colleague"
    FAMILY = "family"
    FRIEND = "friend"
    KNOWS = "knows"
    MENTEE_OF = "mentee_of"
    MENTOR_OF = "mentor_of"
    PARTNER = "partner"

    def __str__(self) -> str:
        return str(self.value)
