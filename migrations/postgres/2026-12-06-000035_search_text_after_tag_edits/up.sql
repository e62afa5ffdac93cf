-- A tag renamed or deleted (PATCH or DELETE /v1/tags/{name}) rewrote its
-- contacts' tags but not their search text or name rows
-- (contacts::service::save_edited now has them follow), so such contacts
-- were still found by the old tag and not by the new one. Clearing the
-- stored JSON of every contact with a tag has the start-up backfill
-- (contacts::service::fill_missing_json) write its search text and lookup
-- rows again from its fields.
UPDATE contacts SET api_json = NULL WHERE tags <> '[]';
