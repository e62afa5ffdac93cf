from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.user import User


T = TypeVar("T", bound="AuthResponse")


@_attrs_define
class AuthResponse:
    """A fresh pair of tokens.

    Attributes:
        access_token (str): A JWT to send as `Authorization: Bearer …`.
        expires_in (int): Seconds until the access token expires.
        refresh_token (str): An opaque token for `POST /v1/auth/refresh`; each is good for one use.
        token_type (str): Always `Bearer`. Example: Bearer.
        user (User): The account.
    """

    access_token: str
    expires_in: int
    refresh_token: str
    token_type: str
    user: User

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        expires_in = self.expires_in

        refresh_token = self.refresh_token

        token_type = self.token_type

        user = self.user.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "access_token": access_token,
                "expires_in": expires_in,
                "refresh_token": refresh_token,
                "token_type": token_type,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.user import User

        d = dict(src_dict)
        access_token = d.pop("access_token")

        expires_in = d.pop("expires_in")

        refresh_token = d.pop("refresh_token")

        token_type = d.pop("token_type")

        user = User.from_dict(d.pop("user"))

        auth_response = cls(
            access_token=access_token,
            expires_in=expires_in,
            refresh_token=refresh_token,
            token_type=token_type,
            user=user,
        )

        return auth_response
