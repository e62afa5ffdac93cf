-- The words of each interaction and favor, as search ranks them
-- (search::text::words_of): each word of its search text that a
-- word-prefix pattern looks at, and its title's key after a name mark,
-- each beside the row's key. A one-word query's best three ranks are then
-- ranges of `<table>_words_lookup` read in title order, however many rows
-- match (a broad word matched 62,718 interactions, each read and ranked
-- before the first page could be cut; docs/BENCHMARKS.md, "Search").
-- kith writes them with the row; the rows already written get theirs
-- from the start-up backfill, which walks each table named in
-- search_words_backlog after its `after_id` and deletes its row when done:
-- until then searches of that table read the rows themselves.
CREATE TABLE interaction_words (
    row_id TEXT NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
    word TEXT NOT NULL,
    user_id TEXT NOT NULL,
    search_key TEXT NOT NULL,
    PRIMARY KEY (row_id, word)
) WITHOUT ROWID;
CREATE INDEX interaction_words_lookup ON interaction_words (user_id, word, search_key, row_id);
CREATE TABLE ledger_entry_words (
    row_id TEXT NOT NULL REFERENCES ledger_entries(id) ON DELETE CASCADE,
    word TEXT NOT NULL,
    user_id TEXT NOT NULL,
    search_key TEXT NOT NULL,
    PRIMARY KEY (row_id, word)
) WITHOUT ROWID;
CREATE INDEX ledger_entry_words_lookup ON ledger_entry_words (user_id, word, search_key, row_id);
CREATE TABLE search_words_backlog (
    table_name TEXT PRIMARY KEY NOT NULL,
    after_id TEXT NOT NULL
);
INSERT INTO search_words_backlog (table_name, after_id)
    VALUES ('interactions', ''), ('ledger_entries', '');
