-- Each commit adds its rows to an FTS5 index as a segment of their own,
-- and a write merges a level's segments once it holds `automerge` of them
-- (four by default): each row is copied again at every level it climbs.
-- Eight: fewer levels, so a row is copied fewer times (POST /v1/contacts
-- at 100,000 contacts, 64 connections: 6,754 -> 7,116 req/s; what the
-- search indexes cost a write, 33 -> 29.5 %: docs/BENCHMARKS.md, "Session
-- 41"). A search while writes go on reads up to seven segments a level
-- where it read three; once the writer is idle it merges them
-- (db::search_index::tidy, migration 000036).
INSERT INTO contacts_fts(contacts_fts, rank) VALUES ('automerge', 8);
INSERT INTO interactions_fts(interactions_fts, rank) VALUES ('automerge', 8);
INSERT INTO ledger_entries_fts(ledger_entries_fts, rank) VALUES ('automerge', 8);
INSERT INTO introductions_fts(introductions_fts, rank) VALUES ('automerge', 8);
