-- A request in progress holds its key until lease_until (then a retry may take
-- it over); committed_at is set in the transaction of the request's own work.
ALTER TABLE idempotency_keys ADD COLUMN lease_until BIGINT;
ALTER TABLE idempotency_keys ADD COLUMN committed_at BIGINT;
