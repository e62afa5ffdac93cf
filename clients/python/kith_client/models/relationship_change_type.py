from enum import StrEnum


class RelationshipChangeType(StrEnum):
    RELATIONSHIP = "relationship"

    def __str__(self) -> str:
        return str(self.value)
