DROP TABLE contact_names;
