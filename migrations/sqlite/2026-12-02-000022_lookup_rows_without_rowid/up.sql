-- The lookup rows of contacts (tags, handles, names) are kept in their
-- primary key's order (WITHOUT ROWID): one B-tree fewer per row, and they
-- no longer name the user through a foreign key of their own (the contact
-- they belong to does, and its deletion still cascades to them). An import
-- of 10,000 contacts wrote a third of its pages to these tables
-- (docs/BENCHMARKS.md).
CREATE TABLE contact_tags_new (
    user_id TEXT NOT NULL,
    contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (contact_id, tag)
) WITHOUT ROWID;
INSERT INTO contact_tags_new (user_id, contact_id, tag)
    SELECT user_id, contact_id, tag FROM contact_tags;
DROP TABLE contact_tags;
ALTER TABLE contact_tags_new RENAME TO contact_tags;
CREATE INDEX contact_tags_user_tag ON contact_tags (user_id, tag, contact_id);

CREATE TABLE contact_handles_new (
    user_id TEXT NOT NULL,
    contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (contact_id, kind, value)
) WITHOUT ROWID;
INSERT INTO contact_handles_new (user_id, contact_id, kind, value)
    SELECT user_id, contact_id, kind, value FROM contact_handles;
DROP TABLE contact_handles;
ALTER TABLE contact_handles_new RENAME TO contact_handles;
CREATE INDEX contact_handles_lookup ON contact_handles (user_id, kind, value, contact_id);
CREATE UNIQUE INDEX contact_handles_external_id ON contact_handles (user_id, value)
    WHERE kind = 'external_id';

CREATE TABLE contact_names_new (
    user_id TEXT NOT NULL,
    contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    PRIMARY KEY (contact_id, kind, name)
) WITHOUT ROWID;
INSERT INTO contact_names_new (user_id, contact_id, kind, name, name_key)
    SELECT user_id, contact_id, kind, name, name_key FROM contact_names;
DROP TABLE contact_names;
ALTER TABLE contact_names_new RENAME TO contact_names;
CREATE INDEX contact_names_lookup ON contact_names (user_id, kind, name, name_key, contact_id);
