-- Scripts and apps: personal access tokens, rate-limit counters and the
-- failed-login counter, all in the database so that replicas share them.
CREATE TABLE access_tokens (
    id TEXT COLLATE "C" PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    scope TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    last_used_at BIGINT
);
CREATE INDEX access_tokens_user ON access_tokens (user_id, created_at);

-- Fixed-window counters: one row per bucket ("login:ip:127.0.0.1", …).
CREATE TABLE rate_limits (
    bucket TEXT PRIMARY KEY NOT NULL,
    window_start BIGINT NOT NULL,
    hits INTEGER NOT NULL
);

-- Failed logins per account (by email key, so unknown emails look the same).
CREATE TABLE login_failures (
    email_key TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (email_key, at);
