DROP INDEX ledger_user_direction_status;
DROP INDEX contacts_user_follow_up;
DROP INDEX contacts_user_cadence_base;
ALTER TABLE contacts DROP COLUMN follow_up;
