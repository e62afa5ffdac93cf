-- SQLite only (WITHOUT ROWID): PostgreSQL keeps these tables as they are.
SELECT 1;
