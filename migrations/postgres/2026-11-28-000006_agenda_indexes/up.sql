-- The agenda as index walks: overdue contacts per cadence ordered by their
-- last touch (or creation) — an expression index, queried with the very same
-- expression — and each contact's open follow-up kept on it as
-- 'YYYY-MM-DD|interaction id' (sortable by date; one column, as diesel's
-- tables stop at 32 columns).
ALTER TABLE contacts ADD COLUMN follow_up TEXT;
CREATE INDEX contacts_user_cadence_base ON contacts (user_id, cadence_effective, (COALESCE(last_interaction_at, created_at)));
CREATE INDEX contacts_user_follow_up ON contacts (user_id, follow_up);
CREATE INDEX ledger_user_direction_status ON ledger_entries (user_id, direction, status);
