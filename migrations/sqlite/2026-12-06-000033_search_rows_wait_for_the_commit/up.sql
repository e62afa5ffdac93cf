-- The rows a transaction inserts into a searched table may wait here for
-- their FTS5 index entries until just before it commits
-- (`db::search_index::deferred`): FTS5 writes the entries it holds to disk
-- at every savepoint, and the writer runs each job of a group commit in a
-- savepoint of its own, so entries added one by one became one index
-- segment per row, merged again later. The table is empty whenever no
-- write is under way: its rows are put in the index (`settle`) and removed
-- in the transaction that wrote them.
--
-- A waiting row has no entry yet, so the delete and update triggers leave
-- it alone: `settle` reads the row's text as it is then, and a row deleted
-- meanwhile has nothing to put in.
CREATE TABLE search_waiting (
    searched TEXT NOT NULL,
    row INTEGER NOT NULL,
    PRIMARY KEY (searched, row)
) WITHOUT ROWID;

DROP TRIGGER contacts_fts_delete;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts
WHEN NOT EXISTS (SELECT 1 FROM search_waiting WHERE searched = 'contacts' AND row = old.rowid) BEGIN
    INSERT INTO contacts_fts(contacts_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
DROP TRIGGER contacts_fts_update;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF search_text ON contacts
WHEN old.search_text IS NOT new.search_text AND NOT EXISTS (SELECT 1 FROM search_waiting WHERE searched = 'contacts' AND row = old.rowid) BEGIN
    INSERT INTO contacts_fts(contacts_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO contacts_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;

DROP TRIGGER interactions_fts_delete;
CREATE TRIGGER interactions_fts_delete AFTER DELETE ON interactions
WHEN NOT EXISTS (SELECT 1 FROM search_waiting WHERE searched = 'interactions' AND row = old.rowid) BEGIN
    INSERT INTO interactions_fts(interactions_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
DROP TRIGGER interactions_fts_update;
CREATE TRIGGER interactions_fts_update AFTER UPDATE OF search_text ON interactions
WHEN old.search_text IS NOT new.search_text AND NOT EXISTS (SELECT 1 FROM search_waiting WHERE searched = 'interactions' AND row = old.rowid) BEGIN
    INSERT INTO interactions_fts(interactions_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO interactions_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;

DROP TRIGGER ledger_entries_fts_delete;
CREATE TRIGGER ledger_entries_fts_delete AFTER DELETE ON ledger_entries
WHEN NOT EXISTS (SELECT 1 FROM search_waiting WHERE searched = 'ledger_entries' AND row = old.rowid) BEGIN
    INSERT INTO ledger_entries_fts(ledger_entries_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
DROP TRIGGER ledger_entries_fts_update;
CREATE TRIGGER ledger_entries_fts_update AFTER UPDATE OF search_text ON ledger_entries
WHEN old.search_text IS NOT new.search_text AND NOT EXISTS (SELECT 1 FROM search_waiting WHERE searched = 'ledger_entries' AND row = old.rowid) BEGIN
    INSERT INTO ledger_entries_fts(ledger_entries_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO ledger_entries_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;

DROP TRIGGER introductions_fts_delete;
CREATE TRIGGER introductions_fts_delete AFTER DELETE ON introductions
WHEN NOT EXISTS (SELECT 1 FROM search_waiting WHERE searched = 'introductions' AND row = old.rowid) BEGIN
    INSERT INTO introductions_fts(introductions_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
DROP TRIGGER introductions_fts_update;
CREATE TRIGGER introductions_fts_update AFTER UPDATE OF search_text ON introductions
WHEN old.search_text IS NOT new.search_text AND NOT EXISTS (SELECT 1 FROM search_waiting WHERE searched = 'introductions' AND row = old.rowid) BEGIN
    INSERT INTO introductions_fts(introductions_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO introductions_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
