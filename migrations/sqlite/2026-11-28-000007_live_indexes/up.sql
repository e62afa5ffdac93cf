-- Contact indexes that match how contacts are read: pages and sorts are over
-- live contacts (not in the trash), so their indexes hold only those and a
-- planner never has to guess whether the trash filter is selective; optional
-- fields are indexed only where set, so a write of a contact without them
-- touches fewer indexes.
DROP INDEX contacts_user_name;
DROP INDEX contacts_user_created;
DROP INDEX contacts_user_updated;
DROP INDEX contacts_user_last;
DROP INDEX contacts_user_due;
DROP INDEX contacts_user_company;
DROP INDEX contacts_user_birthday;
DROP INDEX contacts_user_follow_up;
DROP INDEX contacts_met_via;
CREATE INDEX contacts_live_name ON contacts (user_id, name_key, id) WHERE trashed_at IS NULL;
CREATE INDEX contacts_live_created ON contacts (user_id, created_at, id) WHERE trashed_at IS NULL;
CREATE INDEX contacts_live_updated ON contacts (user_id, updated_at, id) WHERE trashed_at IS NULL;
CREATE INDEX contacts_live_last ON contacts (user_id, last_interaction_at, id) WHERE trashed_at IS NULL;
CREATE INDEX contacts_live_due ON contacts (user_id, next_due_at, id) WHERE trashed_at IS NULL;
CREATE INDEX contacts_trash ON contacts (user_id, trashed_at, id) WHERE trashed_at IS NOT NULL;
CREATE INDEX contacts_user_company ON contacts (user_id, company_key) WHERE company_key IS NOT NULL;
CREATE INDEX contacts_user_birthday ON contacts (user_id, birthday_md) WHERE birthday_md IS NOT NULL;
CREATE INDEX contacts_user_follow_up ON contacts (user_id, follow_up) WHERE follow_up IS NOT NULL;
CREATE INDEX contacts_met_via ON contacts (met_via) WHERE met_via IS NOT NULL;
