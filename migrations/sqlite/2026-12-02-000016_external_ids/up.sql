-- A contact's ids in other systems ({"crm": "42", "linkedin": "..."}), a
-- JSON object kept with the row. Each is also a lookup row of
-- contact_handles (kind 'external_id', value 'source:value'), unique per
-- account: one contact per id of a source, which ?external_id= and batch
-- upserts find it by. The reset JSON has the start-up backfill write the
-- new field into every stored contact.
ALTER TABLE contacts ADD COLUMN external_ids TEXT NOT NULL DEFAULT '{}';
CREATE UNIQUE INDEX contact_handles_external_id ON contact_handles (user_id, value) WHERE kind = 'external_id';
UPDATE contacts SET api_json = NULL;
