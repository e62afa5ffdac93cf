-- A contact's open follow-up is its latest participation with a follow-up
-- date since its last touch: an index of exactly those rows, per contact and
-- by time. The old (user, date) index made that a walk over every
-- follow-up of the user.
DROP INDEX interaction_contacts_follow_up;
CREATE INDEX interaction_contacts_follow_up ON interaction_contacts (user_id, contact_id, occurred_at, interaction_id) WHERE follow_up_on IS NOT NULL;
