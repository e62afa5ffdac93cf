from enum import StrEnum


class ExportVcardsVersion(StrEnum):
    VALUE_0 = "4.0"
    VALUE_1 = "3.0"

    def __str__(self) -> str:
        return str(self.value)
