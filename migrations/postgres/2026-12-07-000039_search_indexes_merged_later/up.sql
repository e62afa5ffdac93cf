-- SQLite only (its FTS5 indexes merged at eight segments a level, not
-- four); the migration is here so that both databases count the same
-- versions.
SELECT 1;
