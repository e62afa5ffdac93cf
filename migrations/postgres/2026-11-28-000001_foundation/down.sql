DROP TABLE changes;
DROP TABLE idempotency_keys;
DROP TABLE contact_tags;
DROP TABLE contacts;
DROP TABLE refresh_tokens;
DROP TABLE users;
