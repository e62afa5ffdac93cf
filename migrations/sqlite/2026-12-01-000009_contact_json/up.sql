-- Each contact keeps the JSON the API answers for it, written with the row
-- (see docs/decisions.md, "A contact's JSON is stored with it"): a page of
-- contacts then reads one text value per contact instead of 27. The JSON
-- belongs to the version it was written for; a row whose JSON is missing or
-- older than the row is written from its columns when read, and rows
-- without one are filled in by the server after it starts (this migration
-- leaves every existing row without one; so will any later migration that
-- changes the contact's shape, by setting the column to NULL).
ALTER TABLE contacts ADD COLUMN api_json TEXT;
ALTER TABLE contacts ADD COLUMN api_json_version INTEGER;
CREATE INDEX contacts_unrendered ON contacts (user_id, id) WHERE api_json IS NULL;
