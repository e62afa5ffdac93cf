DROP INDEX interaction_contacts_follow_up;
CREATE INDEX interaction_contacts_follow_up ON interaction_contacts (user_id, follow_up_on);
