from enum import StrEnum


class Format(StrEnum):
    GOOGLE = "google"
    LINKEDIN = "linkedin"
    OUTLOOK = "outlook"
    VCARD = "vcard"

    def __str__(self) -> str:
        return str(self.value)
