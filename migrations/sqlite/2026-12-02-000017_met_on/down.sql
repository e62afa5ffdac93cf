ALTER TABLE contacts DROP COLUMN met_on;
