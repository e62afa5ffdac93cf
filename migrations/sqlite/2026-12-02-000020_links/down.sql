ALTER TABLE contacts DROP COLUMN vcard_extras;
ALTER TABLE contacts DROP COLUMN links;
