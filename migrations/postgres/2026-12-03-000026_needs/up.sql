-- Needs and offers: what people ask for and can give (contact_id NULL: the
-- user's own). search_text: topic, description and tags folded (lower
-- case, no accents) for `q`.
CREATE TABLE needs (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    contact_id TEXT,
    kind TEXT NOT NULL,
    topic TEXT NOT NULL,
    tags TEXT NOT NULL,
    description TEXT,
    until_on TEXT,
    status TEXT NOT NULL,
    met_by_type TEXT,
    met_by_id TEXT,
    search_text TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX needs_user ON needs (user_id, id);
CREATE INDEX needs_contact ON needs (user_id, contact_id);
-- A need's tags, one row each, for the tag filter (and, later, matching).
CREATE TABLE need_tags (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    need_id TEXT NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (need_id, tag)
);
CREATE INDEX need_tags_tag ON need_tags (user_id, tag);
