from enum import StrEnum


class TokenScope(StrEnum):
    CAPTURE = "capture"
    READ = "read"
    WRITE = "write"

    def __str__(self) -> str:
        return str(self.value)
