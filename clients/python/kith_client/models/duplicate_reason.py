from enum import StrEnum


class DuplicateReason(StrEnum):
    EMAIL = "email"
    NAME_AND_COMPANY = "name_and_company"
    PHONE = "phone"
    PROFILE_URL = "profile_url"

    def __str__(self) -> str:
        return str(self.value)
