from enum import StrEnum


class ItemStatus(StrEnum):
    CREATED = "created"
    FAILED = "failed"
    SKIPPED = "skipped"
    UNCHANGED = "unchanged"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
