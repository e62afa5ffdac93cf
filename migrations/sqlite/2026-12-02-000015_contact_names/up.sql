-- The names of each contact as search ranks them (search::text): each whole
-- name (display, given, family; folded, kind 'name') and each word of
-- them (kind 'word'), beside the contact's name_key. A query's best ranks
-- (a name equal to it, a name or a name's word that begins with it) are
-- then ranges of contact_names_lookup read in name order, whatever the
-- number of matches. kith writes them with the contact; clearing the
-- stored JSON has the start-up backfill (service::fill_missing_json)
-- write them for every existing contact.
CREATE TABLE contact_names (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    PRIMARY KEY (contact_id, kind, name)
);
CREATE INDEX contact_names_lookup ON contact_names (user_id, kind, name, name_key, contact_id);
UPDATE contacts SET api_json = NULL;
