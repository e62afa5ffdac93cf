from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.match_person import MatchPerson
    from ..models.person import Person


T = TypeVar("T", bound="IntroductionSuggestion")


@_attrs_define
class IntroductionSuggestion:
    """A pair of contacts who might gain from meeting.

    Attributes:
        a (MatchPerson): A person of a match: a contact of yours, or you (`id` `null`).
        b (MatchPerson): A person of a match: a contact of yours, or you (`id` `null`).
        mutual (list[Person]): Contacts both are close to (strength 3 or more).
        reasons (list[str]): Why, in plain language. Example: ['both tagged rust', 'both in Lisbon', 'both close to Dev
            Rao'].
        score (float): Higher is better: 1 per shared tag, 1.5 for the same company, 1 for
            the same location, 1.5 per mutual contact both are close to (at most
            three), times their closeness to you summed over 10. Example: 3.2.
        shared_tags (list[str]):  Example: ['rust'].
        same_company (None | str | Unset):
        same_location (None | str | Unset):
    """

    a: MatchPerson
    b: MatchPerson
    mutual: list[Person]
    reasons: list[str]
    score: float
    shared_tags: list[str]
    same_company: None | str | Unset = UNSET
    same_location: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        a = self.a.to_dict()

        b = self.b.to_dict()

        mutual = []
        for mutual_item_data in self.mutual:
            mutual_item = mutual_item_data.to_dict()
            mutual.append(mutual_item)

        reasons = self.reasons

        score = self.score

        shared_tags = self.shared_tags

        same_company: None | str | Unset
        if isinstance(self.same_company, Unset):
            same_company = UNSET
        else:
            same_company = self.same_company

        same_location: None | str | Unset
        if isinstance(self.same_location, Unset):
            same_location = UNSET
        else:
            same_location = self.same_location

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "a": a,
                "b": b,
                "mutual": mutual,
                "reasons": reasons,
                "score": score,
                "shared_tags": shared_tags,
            }
        )
        if same_company is not UNSET:
            field_dict["same_company"] = same_company
        if same_location is not UNSET:
            field_dict["same_location"] = same_location

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.match_person import MatchPerson
        from ..models.person import Person

        d = dict(src_dict)
        a = MatchPerson.from_dict(d.pop("a"))

        b = MatchPerson.from_dict(d.pop("b"))

        mutual = []
        _mutual = d.pop("mutual")
        for mutual_item_data in _mutual:
            mutual_item = Person.from_dict(mutual_item_data)

            mutual.append(mutual_item)

        reasons = cast(list[str], d.pop("reasons"))

        score = d.pop("score")

        shared_tags = cast(list[str], d.pop("shared_tags"))

        def _parse_same_company(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        same_company = _parse_same_company(d.pop("same_company", UNSET))

        def _parse_same_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        same_location = _parse_same_location(d.pop("same_location", UNSET))

        introduction_suggestion = cls(
            a=a,
            b=b,
            mutual=mutual,
            reasons=reasons,
            score=score,
            shared_tags=shared_tags,
            same_company=same_company,
            same_location=same_location,
        )

        return introduction_suggestion
