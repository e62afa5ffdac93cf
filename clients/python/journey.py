#!/usr/bin/env python3
"""A journey through kith with the generated Python client (kith_client,
made by openapi-python-client from openapi/openapi.json): every answer is
parsed into its typed model, and an answer carrying a field its schema does
not declare fails the run. CI runs it against a live server:

    PYTHONPATH=clients/python python3 clients/python/journey.py http://127.0.0.1:PORT
"""

import datetime
import sys
import time

import attrs

from kith_client import AuthenticatedClient, Client
from kith_client.api.account import export_account, import_archive
from kith_client.api.agenda import get_agenda
from kith_client.api.auth import register
from kith_client.api.contacts import create_contact, list_contacts, update_contact
from kith_client.api.interactions import create_interaction
from kith_client.api.ledger import create_ledger_entry, get_contact_balance, list_balances
from kith_client.api.network import create_introduction, create_relationship, get_reach
from kith_client.api.sync import list_changes
from kith_client.models import (
    ContactCreate,
    ContactPatch,
    Direction,
    FavorDirection,
    FavorKind,
    InteractionCreate,
    InteractionKind,
    IntroductionCreate,
    IntroductionStatus,
    LedgerEntryCreate,
    ListBalancesOwing,
    Problem,
    RegisterRequest,
    RelationshipCreate,
    RelationshipKind,
)


def strict(value, where="answer"):
    """Fails when any model in `value` kept fields its schema does not declare."""
    if attrs.has(type(value)):
        extra = getattr(value, "additional_properties", {})
        # Every answer is declared down to its fields (a change's data too):
        # a model must have nothing left over.
        if extra:
            raise SystemExit(f"{where}: {type(value).__name__} has undeclared fields {sorted(extra)}")
        for field in attrs.fields(type(value)):
            if field.name != "additional_properties":
                strict(getattr(value, field.name), f"{where}.{field.name}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            strict(item, f"{where}[{i}]")
    return value


# Each change's variant, and the model its `data` is read into.
VARIANTS = {
    "contact": ("ContactChange", "Contact"),
    "interaction": ("InteractionChange", "Interaction"),
    "ledger_entry": ("LedgerEntryChange", "LedgerEntry"),
    "relationship": ("RelationshipChange", "Relationship"),
    "introduction": ("IntroductionChange", "Introduction"),
    "tag": ("TagChange", "Tag"),
}


def ok(what, response, status=(200, 201)):
    if response.status_code not in status or isinstance(response.parsed, Problem):
        raise SystemExit(f"{what}: {response.status_code} {response.content[:300]!r}")
    return strict(response.parsed, what)


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
    email = f"py-{time.time_ns()}@example.com"
    auth = ok("register", register.sync_detailed(
        client=Client(base_url=base),
        body=RegisterRequest(email=email, password="a long passphrase", name="Python")))
    api = AuthenticatedClient(base_url=base, token=auth.access_token)

    ben = ok("create Ben", create_contact.sync_detailed(client=api, body=ContactCreate(
        display_name="Ben Okafor", company="Initech", tags=["rust"], cadence_days=30)))
    mia = ok("create Mia", create_contact.sync_detailed(client=api, body=ContactCreate(
        display_name="Mia Chen", company="Globex", closeness=5)))
    cleo = ok("create Cleo", create_contact.sync_detailed(client=api, body=ContactCreate(
        display_name="Cleo Park")))

    # A partial PATCH: only the field that changes, guarded by If-Match.
    patched = ok("patch Ben", update_contact.sync_detailed(
        client=api, id=ben.id, if_match='"1"', body=ContactPatch(title="CTO")))
    assert patched.title == "CTO" and patched.version == 2, patched
    stale = update_contact.sync_detailed(client=api, id=ben.id, if_match='"1"',
                                         body=ContactPatch(title="CEO"))
    assert stale.status_code == 412 and isinstance(stale.parsed, Problem), stale.status_code

    ok("interaction", create_interaction.sync_detailed(client=api, body=InteractionCreate(
        kind=InteractionKind.COFFEE, direction=Direction.MUTUAL, summary="Coffee",
        contact_ids=[ben.id, mia.id],
        follow_up_on=datetime.date.today() + datetime.timedelta(days=3))))
    ok("favor received", create_ledger_entry.sync_detailed(client=api, body=LedgerEntryCreate(
        contact_id=ben.id, direction=FavorDirection.RECEIVED, kind=FavorKind.REFERRAL,
        description="referred me", weight=3)))
    owed = ok("balances", list_balances.sync_detailed(client=api, owing=ListBalancesOwing.THEM))
    assert [b.contact_id for b in owed.items] == [ben.id], owed
    ok("Ben's balance", get_contact_balance.sync_detailed(client=api, id=ben.id))
    agenda = ok("agenda", get_agenda.sync_detailed(client=api, days=7))
    assert agenda.truncated is False

    ok("relationship", create_relationship.sync_detailed(client=api, body=RelationshipCreate(
        contact_id=mia.id, other_id=ben.id, kind=RelationshipKind.COLLEAGUE, strength=4)))
    ok("introduction", create_introduction.sync_detailed(client=api, body=IntroductionCreate(
        person_a_id=mia.id, person_b_id=cleo.id, status=IntroductionStatus.MADE)))
    reach = ok("reach", get_reach.sync_detailed(client=api, company="initech"))
    assert [r.target.id for r in reach.items] == [ben.id], reach

    page = ok("contacts", list_contacts.sync_detailed(client=api, limit=2))
    seen = list(page.items)
    while page.next_cursor:
        page = ok("contacts", list_contacts.sync_detailed(client=api, limit=2, cursor=page.next_cursor))
        seen += page.items
    assert len(seen) == 3, len(seen)

    # The change feed, paged to its end.
    since, changes = 0, 0
    while True:
        feed = ok("changes", list_changes.sync_detailed(client=api, since=since, limit=3))
        changes += len(feed.changes)
        for change in feed.changes:
            variant, model = VARIANTS[change.type_.value]
            assert type(change).__name__ == variant, (variant, change)
            assert change.data is None or type(change.data).__name__ == model, (model, change)
        since = feed.next_since
        if not feed.has_more:
            break

    # Export, and import into a second, empty account.
    exported = export_account.sync_detailed(client=api)
    ok("export", exported)
    auth2 = ok("register 2", register.sync_detailed(
        client=Client(base_url=base),
        body=RegisterRequest(email="2" + email, password="a long passphrase", name="Python 2")))
    api2 = AuthenticatedClient(base_url=base, token=auth2.access_token)
    counts = ok("import", import_archive.sync_detailed(
        client=api2, body=exported.parsed))
    assert counts.contacts == 3, counts
    print(f"python journey: {len(seen)} contacts, {changes} changes, imported {counts.contacts}")


if __name__ == "__main__":
    main()
