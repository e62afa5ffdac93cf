DROP TABLE webhook_reminders;
ALTER TABLE users DROP COLUMN time_zone;
ALTER TABLE changes DROP COLUMN event;
DROP TABLE webhook_deliveries;
DROP TABLE webhooks;
