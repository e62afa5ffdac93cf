-- Return the favor: the reciprocity ledger and per-contact balances.
ALTER TABLE contacts ADD COLUMN balance INTEGER NOT NULL DEFAULT 0;

CREATE TABLE ledger_entries (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    direction TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    weight INTEGER NOT NULL,
    status TEXT NOT NULL,
    occurred_on TEXT,
    due_on TEXT,
    completed_on TEXT,
    interaction_id TEXT REFERENCES interactions(id) ON DELETE SET NULL,
    repays_id TEXT REFERENCES ledger_entries(id) ON DELETE SET NULL,
    introduction_id TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX ledger_user_created ON ledger_entries (user_id, created_at, id);
CREATE INDEX ledger_user_contact ON ledger_entries (user_id, contact_id, created_at);
CREATE INDEX ledger_user_open_due ON ledger_entries (user_id, status, due_on);
CREATE INDEX ledger_repays ON ledger_entries (repays_id);
CREATE INDEX ledger_interaction ON ledger_entries (interaction_id);

-- Kept in step with the entries in the same transaction as every write, so
-- balance pages are index walks on (user_id, balance).
CREATE TABLE ledger_balances (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    given INTEGER NOT NULL,
    received INTEGER NOT NULL,
    balance INTEGER NOT NULL,
    open_promises INTEGER NOT NULL,
    open_asks INTEGER NOT NULL,
    last_given_on TEXT,
    last_received_on TEXT,
    PRIMARY KEY (user_id, contact_id)
);
CREATE INDEX ledger_balances_order ON ledger_balances (user_id, balance, contact_id);
