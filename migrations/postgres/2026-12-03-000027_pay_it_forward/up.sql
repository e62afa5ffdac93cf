-- Pay it forward: each contact's open needs counted on its row; what a
-- need matches by (its folded, stemmed topic words and its tags); the
-- introduction proposed to meet it and when it was met; pairs of contacts
-- the user asked never to be suggested again.
ALTER TABLE contacts ADD COLUMN open_needs INTEGER NOT NULL DEFAULT 0;
UPDATE contacts SET open_needs = (
    SELECT COUNT(*) FROM needs
    WHERE needs.contact_id = contacts.id AND needs.status = 'open'
);
-- The stored JSON gains the field (written last, as the API writes it);
-- a row with open needs is written afresh at its next read.
UPDATE contacts SET api_json = left(api_json, length(api_json) - 1) || ',"open_needs":0}'
WHERE api_json IS NOT NULL AND open_needs = 0;
UPDATE contacts SET api_json = NULL, api_json_version = NULL WHERE open_needs > 0;

ALTER TABLE needs ADD COLUMN match_keys TEXT NOT NULL DEFAULT '';
ALTER TABLE needs ADD COLUMN introduction_id TEXT;
ALTER TABLE needs ADD COLUMN met_at BIGINT;
CREATE INDEX needs_open ON needs (user_id, status, kind);
CREATE INDEX needs_introduction ON needs (user_id, introduction_id);

-- Contacts by closeness: who should meet whom starts from those you know
-- well (closest first, read backwards). And what matching reads of a
-- need's contact, without reading the contact's row.
CREATE INDEX contacts_closeness ON contacts (user_id, closeness, id);
CREATE UNIQUE INDEX contacts_match ON contacts (id, closeness, trashed_at);
-- A contact's relationships either way round, read from the index alone
-- (who should meet whom reads those of 2,000 contacts).
DROP INDEX relationships_contact;
DROP INDEX relationships_other;
CREATE INDEX relationships_contact ON relationships (user_id, contact_id, other_id, strength);
CREATE INDEX relationships_other ON relationships (user_id, other_id, contact_id, strength);

CREATE TABLE suggestion_dismissals (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    -- The pair's ids in order: contact_a < contact_b.
    contact_a TEXT NOT NULL,
    contact_b TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, contact_a, contact_b)
);
