from enum import StrEnum


class ContactChangeType(StrEnum):
    CONTACT = "contact"

    def __str__(self) -> str:
        return str(self.value)
