-- Exact lookups: each email of a contact (lower case) and each phone number
-- (its digits), for GET /v1/contacts?email= and ?phone=. kith writes them
-- with the contact; clearing the stored JSON has the start-up backfill
-- (service::fill_missing_json) write them for every existing contact.
CREATE TABLE contact_handles (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (contact_id, kind, value)
);
CREATE INDEX contact_handles_lookup ON contact_handles (user_id, kind, value, contact_id);
UPDATE contacts SET api_json = NULL;
