-- Timestamps are microseconds since the Unix epoch (BIGINT) on both backends:
-- exact, sortable and identical everywhere. Calendar dates are TEXT 'YYYY-MM-DD'.
CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    change_seq BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE refresh_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    family_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (user_id, family_id);

CREATE TABLE contacts (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    display_name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    given_name TEXT,
    family_name TEXT,
    emails TEXT NOT NULL DEFAULT '[]',
    phones TEXT NOT NULL DEFAULT '[]',
    company TEXT,
    company_key TEXT,
    title TEXT,
    location TEXT,
    notes TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    birthday TEXT,
    how_we_met TEXT,
    met_via TEXT REFERENCES contacts(id) ON DELETE SET NULL,
    cadence_days INTEGER,
    snoozed_until TEXT,
    archived BOOLEAN NOT NULL DEFAULT FALSE,
    trashed_at BIGINT,
    search_text TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX contacts_user_name ON contacts (user_id, name_key, id);
CREATE INDEX contacts_user_created ON contacts (user_id, created_at, id);
CREATE INDEX contacts_user_updated ON contacts (user_id, updated_at, id);
CREATE INDEX contacts_user_company ON contacts (user_id, company_key);
CREATE INDEX contacts_met_via ON contacts (met_via);

CREATE TABLE contact_tags (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (contact_id, tag)
);
CREATE INDEX contact_tags_user_tag ON contact_tags (user_id, tag, contact_id);

CREATE TABLE idempotency_keys (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    idem_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER,
    response_headers TEXT,
    response_body TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);

CREATE TABLE changes (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    op TEXT NOT NULL,
    data TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, seq)
);
