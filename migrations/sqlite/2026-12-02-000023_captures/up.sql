-- Interactions that log themselves (POST /v1/captures/messages).
-- user_addresses: the emails that are the user's own (none stored: the
-- login email), which decide a message's direction and are never matched.
CREATE TABLE user_addresses (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    PRIMARY KEY (user_id, email)
);
-- Each capture and what it logged (interaction_ids, JSON), kept so that it
-- can be read again and undone.
CREATE TABLE captures (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    undone_at BIGINT,
    received INTEGER NOT NULL,
    logged INTEGER NOT NULL,
    duplicates INTEGER NOT NULL,
    unmatched INTEGER NOT NULL,
    interaction_ids TEXT NOT NULL
);
CREATE INDEX captures_user ON captures (user_id, id);
-- Each message already captured, by its source id (or its thread and day
-- when collapsed), and the interaction it is part of: the same message
-- twice is logged once.
CREATE TABLE captured_messages (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    source_key TEXT NOT NULL,
    capture_id TEXT NOT NULL,
    interaction_id TEXT NOT NULL,
    PRIMARY KEY (user_id, source_key)
);
CREATE INDEX captured_messages_capture ON captured_messages (capture_id);
-- Addresses seen in captured messages that matched no contact.
CREATE TABLE capture_addresses (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    first_seen BIGINT NOT NULL,
    last_seen BIGINT NOT NULL,
    seen INTEGER NOT NULL,
    dismissed BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (user_id, email)
);
