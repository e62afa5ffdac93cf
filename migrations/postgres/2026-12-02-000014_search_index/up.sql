-- One search across everything (GET /v1/search): interactions, ledger
-- entries and introductions get a search text and a title key, written by
-- kith (search::text); the start-up backfill (search::service) writes them
-- for existing rows. Contacts' search text now marks their names (for
-- ranking): clearing the stored JSON has the backfill rewrite it.
ALTER TABLE interactions ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE interactions ADD COLUMN search_key TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE ledger_entries ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE ledger_entries ADD COLUMN search_key TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE introductions ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE introductions ADD COLUMN search_key TEXT COLLATE "C" NOT NULL DEFAULT '';

-- The trigram indexes (pg_trgm, GIN) are made at start-up, not here: the
-- extension may not be allowed, and then kith still starts (and scans).

UPDATE contacts SET api_json = NULL;
