DROP INDEX ledger_introduction;
DROP TABLE introductions;
DROP TABLE relationships;
ALTER TABLE contacts DROP COLUMN closeness;
