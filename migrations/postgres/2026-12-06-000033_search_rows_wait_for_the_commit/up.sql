-- SQLite only (its FTS5 indexes' entries wait for the commit); the
-- migration is here so that both databases count the same versions.
SELECT 1;
