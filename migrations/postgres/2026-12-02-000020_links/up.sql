-- A contact's web addresses (JSON array of {url, label}), and the vCard
-- properties kith does not read (JSON array of unfolded `X-` lines), kept
-- from an import and written back on export. The reset JSON has the
-- start-up backfill write the new fields.
ALTER TABLE contacts ADD COLUMN links TEXT NOT NULL DEFAULT '[]';
ALTER TABLE contacts ADD COLUMN vcard_extras TEXT NOT NULL DEFAULT '[]';
UPDATE contacts SET api_json = NULL;
