from enum import StrEnum


class GetContactPhotoSize(StrEnum):
    VALUE_0 = "64"
    VALUE_1 = "128"
    VALUE_2 = "256"

    def __str__(self) -> str:
        return str(self.value)
