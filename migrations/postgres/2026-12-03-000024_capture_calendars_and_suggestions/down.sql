DROP INDEX capture_addresses_rank;
DROP TABLE capture_upcoming;
DROP TABLE capture_pending;
ALTER TABLE capture_addresses DROP COLUMN name;
ALTER TABLE captures DROP COLUMN upcoming;
ALTER TABLE captures DROP COLUMN failed;
