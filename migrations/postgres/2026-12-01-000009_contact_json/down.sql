DROP INDEX contacts_unrendered;
ALTER TABLE contacts DROP COLUMN api_json_version;
ALTER TABLE contacts DROP COLUMN api_json;
