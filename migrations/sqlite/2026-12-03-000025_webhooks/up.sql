-- Webhooks: where a user's changes are sent as they happen. The change
-- feed (`changes`, written in the same transaction as every change) is
-- the outbox: each webhook's cursor_seq is the last change of its user's
-- feed turned into deliveries.
CREATE TABLE webhooks (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    description TEXT,
    events TEXT NOT NULL,
    enabled BOOLEAN NOT NULL,
    disabled_reason TEXT,
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_secret_expires_at BIGINT,
    cursor_seq BIGINT NOT NULL,
    failing_since BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX webhooks_user ON webhooks (user_id, id);
-- Each event for a webhook, its attempts and its answer (the delivery
-- log). A process sending one holds it until lease_until.
CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at BIGINT,
    last_status_code INTEGER,
    last_attempt_at BIGINT,
    last_response TEXT,
    last_error TEXT,
    lease_until BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, id);
-- What a change was, where the feed's op does not say it: `restored` or
-- `merged` (others: created when the resource's version is 1, updated,
-- deleted).
ALTER TABLE changes ADD COLUMN event TEXT;
-- The user's time zone (IANA name): reminders go out on the day an item
-- becomes due there.
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
-- Reminders already sent, one per item and occurrence.
CREATE TABLE webhook_reminders (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    reminder_key TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, reminder_key)
);
