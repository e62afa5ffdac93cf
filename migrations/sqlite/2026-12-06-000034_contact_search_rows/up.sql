-- A contact's rows in contact_names gain three kinds (search::text::NameKind):
-- 'name_head' and 'word_head', the first one and two characters of each name
-- and name word, which a query of one or two characters equals; and 'tail',
-- its search text from each place a word begins to the end of that line or
-- name, which a longer query begins when a word of the contact begins with
-- it. Each rank but the last is then a range of contact_names_lookup read in
-- name order, however many contacts match (docs/BENCHMARKS.md, "Search").
-- Clearing the stored JSON has the start-up backfill
-- (contacts::service::fill_missing_json) write every contact's rows again;
-- until it is done, the 'contacts' row here has searches read only the
-- kinds there were before.
INSERT INTO search_words_backlog (table_name, after_id) VALUES ('contacts', '');
UPDATE contacts SET api_json = NULL;
