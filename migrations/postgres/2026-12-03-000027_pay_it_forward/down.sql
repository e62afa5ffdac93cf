DROP TABLE suggestion_dismissals;
DROP INDEX contacts_closeness;
DROP INDEX needs_introduction;
DROP INDEX needs_open;
ALTER TABLE needs DROP COLUMN met_at;
ALTER TABLE needs DROP COLUMN introduction_id;
ALTER TABLE needs DROP COLUMN match_keys;
UPDATE contacts SET api_json = NULL, api_json_version = NULL;
ALTER TABLE contacts DROP COLUMN open_needs;
