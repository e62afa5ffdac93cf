-- A new row's search text enters its FTS5 index by a statement of its own
-- (`db::search_index::add`), not by a trigger. A trigger makes the row's
-- INSERT a statement that may write several tables, and SQLite opens a
-- statement savepoint for it; FTS5 writes its pending rows to disk at every
-- savepoint, so with the trigger each row became a segment of its own, to
-- be merged again (about 100 µs a row; docs/BENCHMARKS.md, "Captures").
-- The delete and update triggers stay: they keep the index right on paths
-- that run a row at a time.
DROP TRIGGER contacts_fts_insert;
DROP TRIGGER interactions_fts_insert;
DROP TRIGGER ledger_entries_fts_insert;
DROP TRIGGER introductions_fts_insert;
