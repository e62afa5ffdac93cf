-- Captures, second part: calendars, and suggestions that can be accepted.
-- The name an unmatched address was last seen with in headers.
ALTER TABLE capture_addresses ADD COLUMN name TEXT;
-- Future events a calendar capture put on the agenda.
ALTER TABLE captures ADD COLUMN upcoming INTEGER NOT NULL DEFAULT 0;
-- Messages of a mailbox that could not be read.
ALTER TABLE captures ADD COLUMN failed INTEGER NOT NULL DEFAULT 0;
-- The suggestions, most frequent first, read in the index's order.
CREATE INDEX capture_addresses_rank ON capture_addresses (user_id, dismissed, seen DESC, email);
-- Each captured message or event that matched no contact by one address,
-- kept (headers only: when, which way, the subject) so that accepting the
-- address as a contact logs what was already captured with it.
CREATE TABLE capture_pending (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    source_key TEXT NOT NULL,
    capture_id TEXT NOT NULL,
    occurred_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    direction TEXT NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (user_id, email, source_key)
);
CREATE INDEX capture_pending_capture ON capture_pending (capture_id);
-- Future calendar events with contacts: the agenda's meeting_upcoming items.
CREATE TABLE capture_upcoming (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    source_key TEXT NOT NULL,
    capture_id TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    summary TEXT NOT NULL,
    contact_ids TEXT NOT NULL,
    PRIMARY KEY (user_id, source_key)
);
CREATE INDEX capture_upcoming_start ON capture_upcoming (user_id, starts_at);
CREATE INDEX capture_upcoming_capture ON capture_upcoming (capture_id);
