CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER interactions_fts_insert AFTER INSERT ON interactions BEGIN
    INSERT INTO interactions_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER ledger_entries_fts_insert AFTER INSERT ON ledger_entries BEGIN
    INSERT INTO ledger_entries_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER introductions_fts_insert AFTER INSERT ON introductions BEGIN
    INSERT INTO introductions_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
