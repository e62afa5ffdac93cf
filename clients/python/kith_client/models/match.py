from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.match_person import MatchPerson
    from ..models.need import Need


T = TypeVar("T", bound="Match")


@_attrs_define
class Match:
    """An open ask that an open offer can meet.

    Attributes:
        ask (Need): Something a person in your network (or you) needs or can give.
        asker (MatchPerson): A person of a match: a contact of yours, or you (`id` `null`).
        offer (Need): Something a person in your network (or you) needs or can give.
        offerer (MatchPerson): A person of a match: a contact of yours, or you (`id` `null`).
        reasons (list[str]): Why, in plain language. Example: ['both tagged mentoring', 'both about product, manager',
            'Ana Lima has waited 12 days'].
        score (float): Higher is better: 2 per shared tag and 1 per shared topic word,
            times how close both people are to you (their closeness summed over
            10; you count 5, an unset closeness 1), times 1 plus the days the
            ask has waited over 90 (at most 2). Example: 5.4.
        shared_tags (list[str]): The tags both carry. Example: ['mentoring'].
        shared_words (list[str]): The topic words both use (as stems: `mentors` and `mentoring` are
            `mentor`). Example: ['product', 'manager'].
    """

    ask: Need
    asker: MatchPerson
    offer: Need
    offerer: MatchPerson
    reasons: list[str]
    score: float
    shared_tags: list[str]
    shared_words: list[str]

    def to_dict(self) -> dict[str, Any]:
        ask = self.ask.to_dict()

        asker = self.asker.to_dict()

        offer = self.offer.to_dict()

        offerer = self.offerer.to_dict()

        reasons = self.reasons

        score = self.score

        shared_tags = self.shared_tags

        shared_words = self.shared_words

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ask": ask,
                "asker": asker,
                "offer": offer,
                "offerer": offerer,
                "reasons": reasons,
                "score": score,
                "shared_tags": shared_tags,
                "shared_words": shared_words,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.match_person import MatchPerson
        from ..models.need import Need

        d = dict(src_dict)
        ask = Need.from_dict(d.pop("ask"))

        asker = MatchPerson.from_dict(d.pop("asker"))

        offer = Need.from_dict(d.pop("offer"))

        offerer = MatchPerson.from_dict(d.pop("offerer"))

        reasons = cast(list[str], d.pop("reasons"))

        score = d.pop("score")

        shared_tags = cast(list[str], d.pop("shared_tags"))

        shared_words = cast(list[str], d.pop("shared_words"))

        match = cls(
            ask=ask,
            asker=asker,
            offer=offer,
            offerer=offerer,
            reasons=reasons,
            score=score,
            shared_tags=shared_tags,
            shared_words=shared_words,
        )

        return match
