-- One search across everything (GET /v1/search): interactions, ledger
-- entries and introductions get a search text and a title key, written by
-- kith (search::text); the start-up backfill (search::service) writes them
-- for existing rows. Contacts' search text now marks their names (for
-- ranking): clearing the stored JSON has the backfill rewrite it.
ALTER TABLE interactions ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE interactions ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
ALTER TABLE ledger_entries ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE ledger_entries ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
ALTER TABLE introductions ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE introductions ADD COLUMN search_key TEXT NOT NULL DEFAULT '';

-- A trigram index of each search text (FTS5, external content: the index
-- only, kept by triggers, keyed by the table's rowid), which answers a
-- substring of three characters or more without reading every row.
CREATE VIRTUAL TABLE contacts_fts USING fts5(
    search_text, content='contacts', content_rowid='rowid', tokenize='trigram case_sensitive 1'
);
INSERT INTO contacts_fts(contacts_fts) VALUES ('rebuild');
CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_fts(contacts_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF search_text ON contacts
WHEN old.search_text IS NOT new.search_text BEGIN
    INSERT INTO contacts_fts(contacts_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO contacts_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE VIRTUAL TABLE interactions_fts USING fts5(
    search_text, content='interactions', content_rowid='rowid', tokenize='trigram case_sensitive 1'
);
INSERT INTO interactions_fts(interactions_fts) VALUES ('rebuild');
CREATE TRIGGER interactions_fts_insert AFTER INSERT ON interactions BEGIN
    INSERT INTO interactions_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER interactions_fts_delete AFTER DELETE ON interactions BEGIN
    INSERT INTO interactions_fts(interactions_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
CREATE TRIGGER interactions_fts_update AFTER UPDATE OF search_text ON interactions
WHEN old.search_text IS NOT new.search_text BEGIN
    INSERT INTO interactions_fts(interactions_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO interactions_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE VIRTUAL TABLE ledger_entries_fts USING fts5(
    search_text, content='ledger_entries', content_rowid='rowid', tokenize='trigram case_sensitive 1'
);
INSERT INTO ledger_entries_fts(ledger_entries_fts) VALUES ('rebuild');
CREATE TRIGGER ledger_entries_fts_insert AFTER INSERT ON ledger_entries BEGIN
    INSERT INTO ledger_entries_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER ledger_entries_fts_delete AFTER DELETE ON ledger_entries BEGIN
    INSERT INTO ledger_entries_fts(ledger_entries_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
CREATE TRIGGER ledger_entries_fts_update AFTER UPDATE OF search_text ON ledger_entries
WHEN old.search_text IS NOT new.search_text BEGIN
    INSERT INTO ledger_entries_fts(ledger_entries_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO ledger_entries_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE VIRTUAL TABLE introductions_fts USING fts5(
    search_text, content='introductions', content_rowid='rowid', tokenize='trigram case_sensitive 1'
);
INSERT INTO introductions_fts(introductions_fts) VALUES ('rebuild');
CREATE TRIGGER introductions_fts_insert AFTER INSERT ON introductions BEGIN
    INSERT INTO introductions_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER introductions_fts_delete AFTER DELETE ON introductions BEGIN
    INSERT INTO introductions_fts(introductions_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
CREATE TRIGGER introductions_fts_update AFTER UPDATE OF search_text ON introductions
WHEN old.search_text IS NOT new.search_text BEGIN
    INSERT INTO introductions_fts(introductions_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO introductions_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;

UPDATE contacts SET api_json = NULL;
