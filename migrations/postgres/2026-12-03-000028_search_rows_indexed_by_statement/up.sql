-- SQLite only (its FTS5 triggers): PostgreSQL's trigram indexes follow
-- the rows themselves.
SELECT 1;
