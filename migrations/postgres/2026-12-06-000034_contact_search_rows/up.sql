-- Each rank of a contact search but the last becomes a range of
-- contact_names read in name order, however many contacts match
-- (docs/BENCHMARKS.md, "Search"):
-- - contact_names_head keeps each name's and name word's first two
--   characters (search::text::HEAD_CHARS), which a query of two equals
--   when it begins them: its ranks are read by equality, in key order.
-- - Rows of a new kind, 'tail' (search::text::tails_of): a contact's search
--   text from each place a word begins after a space or line break to the
--   end of that line or name. A longer query begins one of them, or a word
--   row, when a word of the contact begins with it.
-- Clearing the stored JSON has the start-up backfill
-- (contacts::service::fill_missing_json) write every contact's rows again;
-- until it is done, the 'contacts' row here has searches leave the tails
-- unread.
-- (The name is included so that a page of heads is read from the index
-- alone: 0.33 against 0.12 ms for the 59 names a page of `no` reads.)
CREATE INDEX contact_names_head
    ON contact_names (user_id, kind, substr(name, 1, 2), name_key, contact_id)
    INCLUDE (name)
    WHERE kind <> 'tail';
INSERT INTO search_words_backlog (table_name, after_id) VALUES ('contacts', '');
UPDATE contacts SET api_json = NULL;
