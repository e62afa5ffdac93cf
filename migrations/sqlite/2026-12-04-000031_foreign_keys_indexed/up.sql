-- Every foreign key (but those to users) has an index that begins with its
-- column. Deleting an account deletes its contacts by cascade, and each
-- deleted contact looks for the rows that refer to it: these columns had
-- no index of their own (they came second, after user_id), so each look
-- was a scan of the whole referring table, everyone's rows included: on
-- PostgreSQL an account of 1,000 contacts beside one of 100,000 took 448 s
-- to delete (0.4 s with these indexes), and the time grows with the
-- account's contacts times the tables' size. The three indexes that had
-- user_id first keep their columns, in another order: a lookup by user
-- and contact reads the same range, and what they covered they still
-- cover.
DROP INDEX interaction_contacts_contact;
CREATE INDEX interaction_contacts_contact ON interaction_contacts (contact_id, user_id, occurred_at, interaction_id);
DROP INDEX ledger_user_contact;
CREATE INDEX ledger_contact ON ledger_entries (contact_id, user_id, created_at);
DROP INDEX relationships_contact;
CREATE INDEX relationships_contact ON relationships (contact_id, user_id, other_id, strength);
DROP INDEX relationships_other;
CREATE INDEX relationships_other ON relationships (other_id, user_id, contact_id, strength);
CREATE INDEX ledger_balances_contact ON ledger_balances (contact_id);
CREATE INDEX introductions_introducer ON introductions (introducer_id) WHERE introducer_id IS NOT NULL;
CREATE INDEX introductions_person_a ON introductions (person_a_id) WHERE person_a_id IS NOT NULL;
CREATE INDEX introductions_person_b ON introductions (person_b_id);
