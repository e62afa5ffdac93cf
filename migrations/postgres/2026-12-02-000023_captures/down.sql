DROP TABLE capture_addresses;
DROP TABLE captured_messages;
DROP TABLE captures;
DROP TABLE user_addresses;
