-- PostgreSQL only: SQLite compares ids as bytes already.
SELECT 1;
