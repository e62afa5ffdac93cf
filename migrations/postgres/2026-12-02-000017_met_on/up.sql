-- The day you met a contact (YYYY-MM-DD; LinkedIn's "Connected On" when
-- imported). The reset JSON has the start-up backfill write the new field.
ALTER TABLE contacts ADD COLUMN met_on TEXT;
UPDATE contacts SET api_json = NULL;
