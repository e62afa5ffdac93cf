from enum import StrEnum


class CreateImportFormat(StrEnum):
    GOOGLE = "google"
    LINKEDIN = "linkedin"
    OUTLOOK = "outlook"

    def __str__(self) -> str:
        return str(self.value)
