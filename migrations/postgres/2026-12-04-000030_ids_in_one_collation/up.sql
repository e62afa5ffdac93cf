-- Every column that holds an id compares in the ids' own collation ("C").
-- The ids themselves (`contacts.id`, `interactions.id`, …) were declared
-- COLLATE "C", the columns referring to them were not, and an index serves
-- a comparison only in its own collation: a statement that compared
-- `contacts.id` with `interaction_contacts.contact_id` could not use the
-- latter's index and scanned every participation (docs/BENCHMARKS.md,
-- "A slow write on PostgreSQL"). Text in "C" and in the default collation
-- is the same bytes, so PostgreSQL rewrites no table here, only rebuilds
-- the indexes on these columns.
ALTER TABLE contacts
    ALTER COLUMN met_via TYPE TEXT COLLATE "C",
    ALTER COLUMN merged_into TYPE TEXT COLLATE "C";
ALTER TABLE contact_tags
    ALTER COLUMN contact_id TYPE TEXT COLLATE "C";
ALTER TABLE contact_handles
    ALTER COLUMN contact_id TYPE TEXT COLLATE "C";
ALTER TABLE contact_names
    ALTER COLUMN contact_id TYPE TEXT COLLATE "C";
ALTER TABLE contact_photos
    ALTER COLUMN contact_id TYPE TEXT COLLATE "C";
ALTER TABLE interaction_contacts
    ALTER COLUMN interaction_id TYPE TEXT COLLATE "C",
    ALTER COLUMN contact_id TYPE TEXT COLLATE "C";
ALTER TABLE ledger_entries
    ALTER COLUMN interaction_id TYPE TEXT COLLATE "C",
    ALTER COLUMN repays_id TYPE TEXT COLLATE "C",
    ALTER COLUMN introduction_id TYPE TEXT COLLATE "C";
ALTER TABLE relationships
    ALTER COLUMN contact_id TYPE TEXT COLLATE "C",
    ALTER COLUMN other_id TYPE TEXT COLLATE "C";
ALTER TABLE introductions
    ALTER COLUMN introducer_id TYPE TEXT COLLATE "C",
    ALTER COLUMN person_a_id TYPE TEXT COLLATE "C",
    ALTER COLUMN person_b_id TYPE TEXT COLLATE "C";
ALTER TABLE needs
    ALTER COLUMN id TYPE TEXT COLLATE "C",
    ALTER COLUMN contact_id TYPE TEXT COLLATE "C",
    ALTER COLUMN met_by_id TYPE TEXT COLLATE "C",
    ALTER COLUMN introduction_id TYPE TEXT COLLATE "C";
ALTER TABLE need_tags
    ALTER COLUMN need_id TYPE TEXT COLLATE "C";
ALTER TABLE changes
    ALTER COLUMN resource_id TYPE TEXT COLLATE "C";
ALTER TABLE imports
    ALTER COLUMN id TYPE TEXT COLLATE "C";
ALTER TABLE captures
    ALTER COLUMN id TYPE TEXT COLLATE "C";
ALTER TABLE capture_pending
    ALTER COLUMN capture_id TYPE TEXT COLLATE "C";
ALTER TABLE capture_upcoming
    ALTER COLUMN capture_id TYPE TEXT COLLATE "C";
ALTER TABLE captured_messages
    ALTER COLUMN capture_id TYPE TEXT COLLATE "C",
    ALTER COLUMN interaction_id TYPE TEXT COLLATE "C";
ALTER TABLE webhooks
    ALTER COLUMN id TYPE TEXT COLLATE "C";
ALTER TABLE webhook_deliveries
    ALTER COLUMN id TYPE TEXT COLLATE "C",
    ALTER COLUMN webhook_id TYPE TEXT COLLATE "C";
