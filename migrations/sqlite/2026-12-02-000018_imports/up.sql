-- Each import of a file (POST /v1/imports) and its report, kept so that it
-- can be read again and undone: `items` is the report item by item (JSON),
-- `undo` what DELETE needs (the contacts it created; for those it updated,
-- the version it left and the values it replaced).
CREATE TABLE imports (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    format TEXT NOT NULL,
    on_duplicate TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    undone_at BIGINT,
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    unchanged INTEGER NOT NULL,
    skipped INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    items TEXT NOT NULL,
    undo TEXT NOT NULL
);
CREATE INDEX imports_user ON imports (user_id, id);
