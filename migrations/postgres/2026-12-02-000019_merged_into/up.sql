-- The contact a merged contact went into (POST /v1/contacts/{id}/merge):
-- the merged one stays in the trash and cannot be restored. The reset JSON
-- has the start-up backfill write the new field.
ALTER TABLE contacts ADD COLUMN merged_into TEXT;
UPDATE contacts SET api_json = NULL;
