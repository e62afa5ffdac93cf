DROP TABLE contact_photos;
ALTER TABLE contacts DROP COLUMN photo_url;
