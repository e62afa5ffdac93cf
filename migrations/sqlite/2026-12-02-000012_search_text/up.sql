-- Search text is now folded (no case, no accents) and covers title,
-- location, tags, how you met and phone digits (contacts::search). kith
-- writes it in Rust: clearing the stored JSON has the start-up backfill
-- (service::fill_missing_json) rewrite both for every contact.
UPDATE contacts SET api_json = NULL;
