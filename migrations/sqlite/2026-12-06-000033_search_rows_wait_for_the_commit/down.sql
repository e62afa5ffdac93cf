DROP TRIGGER introductions_fts_delete;
CREATE TRIGGER introductions_fts_delete AFTER DELETE ON introductions BEGIN
    INSERT INTO introductions_fts(introductions_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
DROP TRIGGER introductions_fts_update;
CREATE TRIGGER introductions_fts_update AFTER UPDATE OF search_text ON introductions
WHEN old.search_text IS NOT new.search_text BEGIN
    INSERT INTO introductions_fts(introductions_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO introductions_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;

DROP TRIGGER ledger_entries_fts_delete;
CREATE TRIGGER ledger_entries_fts_delete AFTER DELETE ON ledger_entries BEGIN
    INSERT INTO ledger_entries_fts(ledger_entries_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
DROP TRIGGER ledger_entries_fts_update;
CREATE TRIGGER ledger_entries_fts_update AFTER UPDATE OF search_text ON ledger_entries
WHEN old.search_text IS NOT new.search_text BEGIN
    INSERT INTO ledger_entries_fts(ledger_entries_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO ledger_entries_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;

DROP TRIGGER interactions_fts_delete;
CREATE TRIGGER interactions_fts_delete AFTER DELETE ON interactions BEGIN
    INSERT INTO interactions_fts(interactions_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
DROP TRIGGER interactions_fts_update;
CREATE TRIGGER interactions_fts_update AFTER UPDATE OF search_text ON interactions
WHEN old.search_text IS NOT new.search_text BEGIN
    INSERT INTO interactions_fts(interactions_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO interactions_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;

DROP TRIGGER contacts_fts_delete;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_fts(contacts_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
DROP TRIGGER contacts_fts_update;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF search_text ON contacts
WHEN old.search_text IS NOT new.search_text BEGIN
    INSERT INTO contacts_fts(contacts_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO contacts_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;

DROP TABLE search_waiting;
