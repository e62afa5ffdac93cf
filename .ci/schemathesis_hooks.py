"""Schemathesis hooks for .ci/run: schema-valid cases made meaningful.

The positive phases expect every schema-valid request to be accepted. A few
of kith's rules are about the data that exists, or the clock, which no
schema can state; for those, a positive case is given what a real client
would send (a negative case is left as generated). Each rule is named here
with its reason:

- a cursor is opaque: the only valid ones are those a page handed out, so
  a positive case starts from the first page;
- an id in a body must name one of your live contacts (422 otherwise, as a
  path id that names nothing is 404): the CI account's contacts are used,
  each person once;
- the CI account's contacts stay live (a positive DELETE of one, or a
  merge into one, goes to an id that names nothing: 404), and a contact's
  `met_via` is another one;
- an Idempotency-Key names one request, and its reuse with another body is
  refused (422, as the IETF draft says): each positive case gets its own;
- an If-Match names the version a client read, and a made-up one is
  rightly 412: a positive case leaves it out (tests/api cover If-Match);
- a birthday with a year is a real day, from 1800 to today;
- an archive's records are read as the create bodies they came from and
  name contacts of the same archive, which the `Export` schema (what an
  export writes) cannot say: a positive import is an empty archive (the
  examples phase imports the document's full one);
- reach needs at least one of `company`, `tag` or `q`;
- a contact's `met_on` is a past day; a batch's contacts are contacts
  (each item's `contact` is made meaningful as a create body is);
- an import's body is a file in one of the formats, which a string schema
  cannot say: a positive import sends a small LinkedIn export (its format
  read from it); a photo's body is an image, so every one sends a small
  PNG (a binary schema cannot be broken, see schemathesis.toml); a
  calendar capture's body is iCalendar, so every one sends a small
  calendar; a positive raw-mail capture sends a small message (or a
  mailbox of one);
- a long poll (`GET /v1/changes?wait=`) waits at most 1 s, well within
  the fuzzer's request timeout (tests/api/changes.rs waits longer);
- a need's `until` is today or later: a positive one is 2999-01-01; its
  `met_by` names an existing record (left out here);
- a match to introduce is an open ask and an open offer of two contacts,
  not yet introduced (other cases may introduce, meet or drop any need):
  each positive case makes a fresh pair of the CI account's contacts
  (KITH_CI_API, KITH_CI_TOKEN);
- `fields` answers only the fields it names, so an answer then lacks
  required fields of the resource's schema (the parameter says so): a
  positive case reads the whole resource (tests/api/fields.rs covers
  `fields`);
- a time zone is a name of the IANA database, which a pattern cannot
  list: a positive one is Europe/Berlin;
- a contact link is a URL that parses with a host, which its pattern
  cannot say (`http://[x` has its form): a positive one is
  https://example.com/ci;
- a webhook's URL is one a request can reach: a positive one is
  http://127.0.0.1:9/kith (the fuzzed server allows private networks; the
  discard port refuses, so deliveries fail and are retried, bounded);
- a token's `expires_at` is in the future, an interaction's `occurred_at`
  and a captured message's `date` at most a day ahead; a ledger entry's `interaction_id` and `repays_id`
  name existing records (left out here);
- a path value is sent as generated: schemathesis reads a `%XX` that a
  generated value spells as already escaped and sends the byte it names
  (`$%0F@7cr.net`, an address its pattern admits, arrives as
  `$\x0f@7cr.net`, which it does not), so a positive value that no longer
  matches its parameter's pattern once decoded is sent as the
  parameter's example;
- a ledger entry's status only moves forward (open to done, declined or
  cancelled) and only an open one is due, so a PATCH leaves both out; an
  introduction's people are distinct from its other people, so a PATCH
  leaves them out.

KITH_CI_CONTACTS holds the CI account's contact ids, comma-separated.
"""

import datetime
import os
import re
import uuid
from urllib.parse import quote, unquote

import schemathesis

# Schemathesis 4.32 learns links from URLs in answers, and its
# `_same_origin_path` raises on a string that is no URL ("http://[x", from
# the pattern of a contact link, which kith stores as given), ending the
# whole run as an internal error. Such a string is no link: skip it.
try:
    from schemathesis.engine import observations as _observations
except ImportError:  # another version: nothing to mend
    _observations = None
if _observations is not None and hasattr(_observations, "_same_origin_path"):
    _same_origin_path = _observations._same_origin_path

    def _same_origin_path_or_none(value, origin):
        try:
            return _same_origin_path(value, origin)
        except ValueError:
            return None

    _observations._same_origin_path = _same_origin_path_or_none

CONTACTS = [c for c in os.environ.get("KITH_CI_CONTACTS", "").split(",") if c]
API = os.environ.get("KITH_CI_API", "")
TOKEN = os.environ.get("KITH_CI_TOKEN", "")


def fresh_needs():
    """A new open ask of the first CI contact and offer of the second."""
    import json
    import urllib.request

    ids = []
    for n, kind in ((0, "ask"), (1, "offer")):
        body = json.dumps({"contact_id": CONTACTS[n], "kind": kind, "topic": "CI mentoring"}).encode()
        request = urllib.request.Request(
            API + "/v1/needs",
            data=body,
            headers={"authorization": "Bearer " + TOKEN, "content-type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as res:
            ids.append(json.load(res)["id"])
    return ids
PERSON_FIELDS = ("contact_id", "other_id", "introducer_id", "person_a_id", "person_b_id", "met_via")


IMPORT = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ana,Lima,https://www.linkedin.com/in/ana-lima,ana@example.com,Initech,CTO,09 Oct 2024\n"
)


def png(width=3, height=2):
    """A small, whole PNG image (what a photo's binary schema cannot say)."""
    import struct
    import zlib

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x80\x20\x40" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


PNG = png()

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kith ci//EN\r\nBEGIN:VEVENT\r\n"
    "UID:ci-{uid}@example.com\r\nDTSTAMP:20261101T090000Z\r\nDTSTART:20261102T090000Z\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY:CI sync\r\nORGANIZER:mailto:ci@example.com\r\n"
    "ATTENDEE:mailto:ana@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)

MESSAGE = (
    "From: Ana <ana@example.com>\r\nTo: ci@example.com\r\nSubject: CI\r\n"
    "Date: Mon, 30 Nov 2026 09:15:00 +0000\r\nMessage-ID: <ci-{uid}@example.com>\r\n\r\nbody\r\n"
)


def sparse_but_valid(case):
    """`fields` naming only fields the resource has (in any phase)."""
    allowed = set()
    for param in (case.operation.definition.raw or {}).get("parameters", []):
        if isinstance(param, dict) and param.get("name") == "fields":
            allowed = set(param.get("schema", {}).get("items", {}).get("enum", []))
    value = case.query["fields"]
    names = value if isinstance(value, list) else str(value).split(",")
    return bool(names) and all(isinstance(n, str) and n in allowed for n in names)


def as_generated(case):
    """A path value that decodes to one its pattern refuses (see above) is
    sent as the parameter's example."""
    for param in (case.operation.definition.raw or {}).get("parameters", []):
        if not isinstance(param, dict) or param.get("in") != "path":
            continue
        name, pattern = param.get("name"), (param.get("schema") or {}).get("pattern")
        value = (case.path_parameters or {}).get(name)
        if isinstance(value, str) and pattern and "example" in param and not re.search(pattern, unquote(value)):
            case.path_parameters[name] = quote(str(param["example"]), safe="")


def positive(case):
    meta = getattr(case, "meta", None)
    return meta is not None and meta.generation.mode.is_positive


@schemathesis.hook
def before_call(context, case, kwargs):
    """Every phase's positive cases, the explicit examples too."""
    if case.operation.path == "/v1/changes" and isinstance(case.query, dict) and isinstance(case.query.get("wait"), int) and 1 < case.query["wait"] <= 60:
        case.query["wait"] = 1
    if case.operation.path == "/v1/contacts/{id}/photo" and case.method.upper() == "PUT":
        case.media_type = "image/png"
        case.body = PNG
    if case.operation.path == "/v1/captures/calendar":
        case.media_type = "text/calendar"
        case.body = CALENDAR.format(uid=uuid.uuid4()).encode()
    if isinstance(case.query, dict) and "fields" in case.query and sparse_but_valid(case):
        del case.query["fields"]
    if not positive(case):
        return
    if case.operation.path in ("/v1/needs", "/v1/needs/{id}") and isinstance(case.body, dict):
        if case.body.get("until") is not None:
            case.body["until"] = "2999-01-01"
        case.body.pop("met_by", None)
    if case.operation.path == "/v1/network/matches/introduce" and isinstance(case.body, dict) and API and len(CONTACTS) >= 2:
        case.body["ask_id"], case.body["offer_id"] = fresh_needs()
    if case.operation.path == "/v1/me" and isinstance(case.body, dict) and "time_zone" in case.body:
        case.body["time_zone"] = "Europe/Berlin"
    if case.operation.path in ("/v1/webhooks", "/v1/webhooks/{id}") and isinstance(case.body, dict) and "url" in case.body:
        case.body["url"] = "http://127.0.0.1:9/kith"
    if case.operation.path == "/v1/captures/messages" and case.media_type == "message/rfc822":
        case.body = MESSAGE.format(uid=uuid.uuid4()).encode()
    if case.operation.path == "/v1/captures/messages" and case.media_type == "application/mbox":
        case.body = ("From ana@example.com Mon Nov 30 09:15:00 2026\n" + MESSAGE.format(uid=uuid.uuid4())).encode()
    if isinstance(case.query, dict):
        case.query.pop("cursor", None)
        if case.operation.path == "/v1/network/reach" and not any(
            case.query.get(k) for k in ("company", "tag", "q")
        ):
            case.query["q"] = "ci"
    as_generated(case)
    key = f"ci-{uuid.uuid4()}"
    for headers in (case.headers, kwargs.get("headers")):
        for name in list(headers or {}):
            if name.lower() == "idempotency-key":
                headers[name] = key
            elif name.lower() == "if-match":
                del headers[name]
    path_id = (case.path_parameters or {}).get("id")
    if case.method.upper() == "DELETE" and case.operation.path == "/v1/contacts/{id}" and path_id in CONTACTS:
        case.path_parameters["id"] = str(uuid.uuid4())
    if case.operation.path == "/v1/contacts/{id}/merge":
        case.path_parameters["id"] = str(uuid.uuid4())
        return
    body = case.body
    if case.operation.path == "/v1/imports":
        if isinstance(case.query, dict):
            case.query.pop("format", None)
        case.body = IMPORT.encode()
        return
    if case.operation.path == "/v1/contacts/batch" and isinstance(body, dict):
        for item in body.get("items") or []:
            if isinstance(item, dict) and isinstance(item.get("contact"), dict):
                meaningful(item["contact"], case, path_id)
        return
    meaningful(body, case, path_id)


def meaningful(body, case, path_id):
    """A positive body as a real client sends it (the rules above)."""
    if isinstance(body, dict) and CONTACTS:
        people = iter([c for c in CONTACTS if c != path_id] or CONTACTS)
        for field in PERSON_FIELDS:
            if isinstance(body.get(field), str):
                body[field] = next(people, CONTACTS[0])
        if isinstance(body.get("met_on"), str):
            try:
                past = datetime.date.fromisoformat(body["met_on"]) <= datetime.date.today()
            except ValueError:
                past = False
            if not past:
                body["met_on"] = "2024-10-09"
        links = body.get("links")
        for n, link in enumerate(links if isinstance(links, list) else []):
            if isinstance(link, dict) and isinstance(link.get("url"), str):
                link["url"] = f"https://example.com/ci/{n}"
        if isinstance(body.get("contact_ids"), list):
            body["contact_ids"] = CONTACTS[: max(1, min(len(body["contact_ids"]), len(CONTACTS)))]
        if "expires_at" in body and body["expires_at"] is not None:
            body["expires_at"] = "2099-01-01T00:00:00Z"
        for field in ("interaction_id", "repays_id"):
            body.pop(field, None)
        for field in ("occurred_at",):
            if isinstance(body.get(field), str):
                body[field] = "2026-03-14T09:30:00Z"
        for message in body.get("messages") or []:
            if isinstance(message, dict) and isinstance(message.get("date"), str):
                message["date"] = "2026-03-14T09:30:00Z"
        if isinstance(body.get("birthday"), str) and not body["birthday"].startswith("--"):
            try:
                day = datetime.date.fromisoformat(body["birthday"])
                real = datetime.date(1800, 1, 1) <= day <= datetime.date.today()
            except ValueError:
                real = False
            if not real:
                body["birthday"] = "1990-04-17"
        if case.operation.path == "/v1/import/archive":
            for section in ("contacts", "tags", "interactions", "ledger", "relationships", "introductions", "tokens", "photos", "needs"):
                if isinstance(body.get(section), list):
                    body[section] = []
        if case.operation.path == "/v1/ledger/{id}":
            body.pop("status", None)
            body.pop("due_on", None)
        if case.operation.path == "/v1/introductions/{id}":
            for field in ("introducer_id", "person_a_id", "person_b_id"):
                body.pop(field, None)
