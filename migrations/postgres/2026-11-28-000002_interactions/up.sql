-- Stay in touch: interactions, tag cadences and the derived contact fields.
ALTER TABLE contacts ADD COLUMN cadence_effective INTEGER;
ALTER TABLE contacts ADD COLUMN last_interaction_at BIGINT;
ALTER TABLE contacts ADD COLUMN next_due_at BIGINT;
-- 'MM-DD' of the birthday, for the agenda's window query.
ALTER TABLE contacts ADD COLUMN birthday_md TEXT;
CREATE INDEX contacts_user_last ON contacts (user_id, last_interaction_at, id);
CREATE INDEX contacts_user_due ON contacts (user_id, next_due_at, id);
CREATE INDEX contacts_user_birthday ON contacts (user_id, birthday_md);

CREATE TABLE tags (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    default_cadence_days INTEGER,
    PRIMARY KEY (user_id, name)
);

CREATE TABLE interactions (
    id TEXT COLLATE "C" PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    direction TEXT NOT NULL,
    occurred_at BIGINT NOT NULL,
    summary TEXT NOT NULL,
    notes TEXT,
    follow_up_on TEXT,
    counts_as_touch BOOLEAN NOT NULL,
    contact_ids TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX interactions_user_time ON interactions (user_id, occurred_at, id);

-- One row per participant, carrying what the derivations need, so that a
-- contact's last touch and open follow-ups are index lookups.
CREATE TABLE interaction_contacts (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    interaction_id TEXT NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
    contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    occurred_at BIGINT NOT NULL,
    counts_as_touch BOOLEAN NOT NULL,
    follow_up_on TEXT,
    PRIMARY KEY (interaction_id, contact_id)
);
CREATE INDEX interaction_contacts_contact ON interaction_contacts (user_id, contact_id, occurred_at, interaction_id);
CREATE INDEX interaction_contacts_follow_up ON interaction_contacts (user_id, follow_up_on);

CREATE TABLE agenda_feeds (
    user_id TEXT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    secret_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
