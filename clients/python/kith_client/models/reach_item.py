from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.path_kind import PathKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.person import Person
    from ..models.target import Target


T = TypeVar("T", bound="ReachItem")


@_attrs_define
class ReachItem:
    """The best way to reach one target.

    Attributes:
        path (PathKind): `direct`: you know them well enough; `via`: through an intermediary.
        score (float): `direct`: your closeness to the target; `via`: closeness(A) ×
            strength(A–target) / 5. Higher is better.
        target (Target): A target of a reach query.
        via (None | Person | Unset):
    """

    path: PathKind
    score: float
    target: Target
    via: None | Person | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person

        path = self.path.value

        score = self.score

        target = self.target.to_dict()

        via: dict[str, Any] | None | Unset
        if isinstance(self.via, Unset):
            via = UNSET
        elif isinstance(self.via, Person):
            via = self.via.to_dict()
        else:
            via = self.via

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "path": path,
                "score": score,
                "target": target,
            }
        )
        if via is not UNSET:
            field_dict["via"] = via

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.person import Person
        from ..models.target import Target

        d = dict(src_dict)
        path = PathKind(d.pop("path"))

        score = d.pop("score")

        target = Target.from_dict(d.pop("target"))

        def _parse_via(data: object) -> None | Person | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                via_type_0 = Person.from_dict(data)

                return via_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Person | Unset, data)

        via = _parse_via(d.pop("via", UNSET))

        reach_item = cls(
            path=path,
            score=score,
            target=target,
            via=via,
        )

        return reach_item
