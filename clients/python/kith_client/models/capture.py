from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.capture_failure import CaptureFailure
    from ..models.interaction import Interaction


T = TypeVar("T", bound="Capture")


@_attrs_define
class Capture:
    """A capture and what it logged.

    Attributes:
        created_at (datetime.datetime):
        duplicates (int): Messages already captured (or, collapsed, of a thread and day
            already logged).
        failed (int): Messages of a mailbox that could not be read (each failed alone).
        id (UUID):
        interaction_ids (list[UUID]): The interactions it logged, by id.
        kind (str): `messages`, `calendar`, or `suggestion` (an accepted suggestion,
            logging what was captured with the address). Example: messages.
        logged (int): Interactions logged.
        received (int): Messages (or, from a calendar, event occurrences) sent.
        unmatched (int): Messages with no participant among your contacts.
        upcoming (int): From a calendar: future events with contacts, now on the agenda as
            `meeting_upcoming` items.
        failures (list[CaptureFailure] | None | Unset): In the answer to the capture only: why each of them failed.
        interactions (list[Interaction] | None | Unset): In the answer to the capture only: the interactions it logged.
            Example: [].
        undone_at (datetime.datetime | None | Unset): When it was undone; `null` while its interactions stand.
    """

    created_at: datetime.datetime
    duplicates: int
    failed: int
    id: UUID
    interaction_ids: list[UUID]
    kind: str
    logged: int
    received: int
    unmatched: int
    upcoming: int
    failures: list[CaptureFailure] | None | Unset = UNSET
    interactions: list[Interaction] | None | Unset = UNSET
    undone_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        duplicates = self.duplicates

        failed = self.failed

        id = str(self.id)

        interaction_ids = []
        for interaction_ids_item_data in self.interaction_ids:
            interaction_ids_item = str(interaction_ids_item_data)
            interaction_ids.append(interaction_ids_item)

        kind = self.kind

        logged = self.logged

        received = self.received

        unmatched = self.unmatched

        upcoming = self.upcoming

        failures: list[dict[str, Any]] | None | Unset
        if isinstance(self.failures, Unset):
            failures = UNSET
        elif isinstance(self.failures, list):
            failures = []
            for failures_type_0_item_data in self.failures:
                failures_type_0_item = failures_type_0_item_data.to_dict()
                failures.append(failures_type_0_item)

        else:
            failures = self.failures

        interactions: list[dict[str, Any]] | None | Unset
        if isinstance(self.interactions, Unset):
            interactions = UNSET
        elif isinstance(self.interactions, list):
            interactions = []
            for interactions_type_0_item_data in self.interactions:
                interactions_type_0_item = interactions_type_0_item_data.to_dict()
                interactions.append(interactions_type_0_item)

        else:
            interactions = self.interactions

        undone_at: None | str | Unset
        if isinstance(self.undone_at, Unset):
            undone_at = UNSET
        elif isinstance(self.undone_at, datetime.datetime):
            undone_at = self.undone_at.isoformat()
        else:
            undone_at = self.undone_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "created_at": created_at,
                "duplicates": duplicates,
                "failed": failed,
                "id": id,
                "interaction_ids": interaction_ids,
                "kind": kind,
                "logged": logged,
                "received": received,
                "unmatched": unmatched,
                "upcoming": upcoming,
            }
        )
        if failures is not UNSET:
            field_dict["failures"] = failures
        if interactions is not UNSET:
            field_dict["interactions"] = interactions
        if undone_at is not UNSET:
            field_dict["undone_at"] = undone_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.capture_failure import CaptureFailure
        from ..models.interaction import Interaction

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        duplicates = d.pop("duplicates")

        failed = d.pop("failed")

        id = UUID(d.pop("id"))

        interaction_ids = []
        _interaction_ids = d.pop("interaction_ids")
        for interaction_ids_item_data in _interaction_ids:
            interaction_ids_item = UUID(interaction_ids_item_data)

            interaction_ids.append(interaction_ids_item)

        kind = d.pop("kind")

        logged = d.pop("logged")

        received = d.pop("received")

        unmatched = d.pop("unmatched")

        upcoming = d.pop("upcoming")

        def _parse_failures(data: object) -> list[CaptureFailure] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                failures_type_0 = []
                _failures_type_0 = data
                for failures_type_0_item_data in _failures_type_0:
                    failures_type_0_item = CaptureFailure.from_dict(
                        failures_type_0_item_data
                    )

                    failures_type_0.append(failures_type_0_item)

                return failures_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CaptureFailure] | None | Unset, data)

        failures = _parse_failures(d.pop("failures", UNSET))

        def _parse_interactions(data: object) -> list[Interaction] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                interactions_type_0 = []
                _interactions_type_0 = data
                for interactions_type_0_item_data in _interactions_type_0:
                    interactions_type_0_item = Interaction.from_dict(
                        interactions_type_0_item_data
                    )

                    interactions_type_0.append(interactions_type_0_item)

                return interactions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Interaction] | None | Unset, data)

        interactions = _parse_interactions(d.pop("interactions", UNSET))

        def _parse_undone_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                undone_at_type_0 = datetime.datetime.fromisoformat(data)

                return undone_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        undone_at = _parse_undone_at(d.pop("undone_at", UNSET))

        capture = cls(
            created_at=created_at,
            duplicates=duplicates,
            failed=failed,
            id=id,
            interaction_ids=interaction_ids,
            kind=kind,
            logged=logged,
            received=received,
            unmatched=unmatched,
            upcoming=upcoming,
            failures=failures,
            interactions=interactions,
            undone_at=undone_at,
        )

        return capture
