-- Back to the database's default collation.
ALTER TABLE contacts
    ALTER COLUMN met_via TYPE TEXT COLLATE "default",
    ALTER COLUMN merged_into TYPE TEXT COLLATE "default";
ALTER TABLE contact_tags
    ALTER COLUMN contact_id TYPE TEXT COLLATE "default";
ALTER TABLE contact_handles
    ALTER COLUMN contact_id TYPE TEXT COLLATE "default";
ALTER TABLE contact_names
    ALTER COLUMN contact_id TYPE TEXT COLLATE "default";
ALTER TABLE contact_photos
    ALTER COLUMN contact_id TYPE TEXT COLLATE "default";
ALTER TABLE interaction_contacts
    ALTER COLUMN interaction_id TYPE TEXT COLLATE "default",
    ALTER COLUMN contact_id TYPE TEXT COLLATE "default";
ALTER TABLE ledger_entries
    ALTER COLUMN interaction_id TYPE TEXT COLLATE "default",
    ALTER COLUMN repays_id TYPE TEXT COLLATE "default",
    ALTER COLUMN introduction_id TYPE TEXT COLLATE "default";
ALTER TABLE relationships
    ALTER COLUMN contact_id TYPE TEXT COLLATE "default",
    ALTER COLUMN other_id TYPE TEXT COLLATE "default";
ALTER TABLE introductions
    ALTER COLUMN introducer_id TYPE TEXT COLLATE "default",
    ALTER COLUMN person_a_id TYPE TEXT COLLATE "default",
    ALTER COLUMN person_b_id TYPE TEXT COLLATE "default";
ALTER TABLE needs
    ALTER COLUMN id TYPE TEXT COLLATE "default",
    ALTER COLUMN contact_id TYPE TEXT COLLATE "default",
    ALTER COLUMN met_by_id TYPE TEXT COLLATE "default",
    ALTER COLUMN introduction_id TYPE TEXT COLLATE "default";
ALTER TABLE need_tags
    ALTER COLUMN need_id TYPE TEXT COLLATE "default";
ALTER TABLE changes
    ALTER COLUMN resource_id TYPE TEXT COLLATE "default";
ALTER TABLE imports
    ALTER COLUMN id TYPE TEXT COLLATE "default";
ALTER TABLE captures
    ALTER COLUMN id TYPE TEXT COLLATE "default";
ALTER TABLE capture_pending
    ALTER COLUMN capture_id TYPE TEXT COLLATE "default";
ALTER TABLE capture_upcoming
    ALTER COLUMN capture_id TYPE TEXT COLLATE "default";
ALTER TABLE captured_messages
    ALTER COLUMN capture_id TYPE TEXT COLLATE "default",
    ALTER COLUMN interaction_id TYPE TEXT COLLATE "default";
ALTER TABLE webhooks
    ALTER COLUMN id TYPE TEXT COLLATE "default";
ALTER TABLE webhook_deliveries
    ALTER COLUMN id TYPE TEXT COLLATE "default",
    ALTER COLUMN webhook_id TYPE TEXT COLLATE "default";
