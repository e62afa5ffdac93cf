DROP TABLE contact_handles;
