-- Expand the network: closeness, relationships between contacts, introductions.
ALTER TABLE contacts ADD COLUMN closeness INTEGER;

CREATE TABLE relationships (
    id TEXT COLLATE "C" PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    other_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    strength INTEGER NOT NULL,
    note TEXT,
    -- The pair and kind seen from the lower id, so that a relationship and
    -- its inverse seen from the other side collide.
    pair_key TEXT COLLATE "C" NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL
);
CREATE UNIQUE INDEX relationships_pair ON relationships (user_id, pair_key);
CREATE INDEX relationships_contact ON relationships (user_id, contact_id);
CREATE INDEX relationships_other ON relationships (user_id, other_id);

CREATE TABLE introductions (
    id TEXT COLLATE "C" PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    introducer_id TEXT REFERENCES contacts(id) ON DELETE CASCADE,
    person_a_id TEXT REFERENCES contacts(id) ON DELETE CASCADE,
    person_b_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    note TEXT,
    status TEXT NOT NULL,
    made_on TEXT,
    outcome TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX introductions_user_created ON introductions (user_id, created_at, id);
CREATE INDEX introductions_user_made ON introductions (user_id, status, made_on);
CREATE INDEX ledger_introduction ON ledger_entries (introduction_id);
