-- A contact's photo (size 0) and its square thumbnails (64, 128, 256
-- pixels), made once when the photo is put; `contacts.photo_url` is
-- its URL with the photo's hash (its ETag) as `?v=`, or null without one.
-- The reset JSON has the start-up backfill write it.
CREATE TABLE contact_photos (
    contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    size INTEGER NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    content_type TEXT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (contact_id, size)
);
CREATE INDEX contact_photos_user ON contact_photos (user_id);
ALTER TABLE contacts ADD COLUMN photo_url TEXT;
UPDATE contacts SET api_json = NULL;
