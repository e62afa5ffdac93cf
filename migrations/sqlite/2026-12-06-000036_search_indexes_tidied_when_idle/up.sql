-- The writer merges the FTS5 indexes' segments while it has nothing else
-- to do (db::search_index::tidy): a `merge` command merges a level's
-- segments once it holds `usermerge` of them, four by default, which the
-- automatic merges of each write already keep below. Two: every level
-- with more than one segment is merged, and an index at rest is read from
-- few segments (docs/BENCHMARKS.md, "Session 33").
INSERT INTO contacts_fts(contacts_fts, rank) VALUES ('usermerge', 2);
INSERT INTO interactions_fts(interactions_fts, rank) VALUES ('usermerge', 2);
INSERT INTO ledger_entries_fts(ledger_entries_fts, rank) VALUES ('usermerge', 2);
INSERT INTO introductions_fts(introductions_fts, rank) VALUES ('usermerge', 2);
