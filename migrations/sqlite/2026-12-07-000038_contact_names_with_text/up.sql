-- PostgreSQL only (the live contacts by name with their search text, read
-- without their rows); the migration is here so that both databases count
-- the same versions.
SELECT 1;
