DROP INDEX contact_handles_external_id;
ALTER TABLE contacts DROP COLUMN external_ids;
