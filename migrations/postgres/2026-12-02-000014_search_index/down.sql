ALTER TABLE interactions DROP COLUMN search_text;
ALTER TABLE interactions DROP COLUMN search_key;
ALTER TABLE ledger_entries DROP COLUMN search_text;
ALTER TABLE ledger_entries DROP COLUMN search_key;
ALTER TABLE introductions DROP COLUMN search_text;
ALTER TABLE introductions DROP COLUMN search_key;
