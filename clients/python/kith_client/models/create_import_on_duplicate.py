from enum import StrEnum


class CreateImportOnDuplicate(StrEnum):
    CREATE = "create"
    SKIP = "skip"
    UPDATE = "update"

    def __str__(self) -> str:
        return str(self.value)
