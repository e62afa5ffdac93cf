INSERT INTO contacts_fts(contacts_fts, rank) VALUES ('automerge', 4);
INSERT INTO interactions_fts(interactions_fts, rank) VALUES ('automerge', 4);
INSERT INTO ledger_entries_fts(ledger_entries_fts, rank) VALUES ('automerge', 4);
INSERT INTO introductions_fts(introductions_fts, rank) VALUES ('automerge', 4);
