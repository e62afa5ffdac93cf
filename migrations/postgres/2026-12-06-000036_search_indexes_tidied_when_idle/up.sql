-- SQLite only (its FTS5 indexes merged while the writer is idle); the
-- migration is here so that both databases count the same versions.
SELECT 1;
