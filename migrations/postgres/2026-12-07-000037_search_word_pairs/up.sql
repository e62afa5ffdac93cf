-- Pairs of words beside the words of each interaction and favor
-- (search::text::pair_word): each word a word-prefix pattern looks at with
-- the word after the one space that follows it, so that a phrase's word
-- rank reads the rows that hold its words together rather than every row
-- that holds each of them (`the r`: `the` and a word beginning with `r`
-- apart in 10,000 rows before the first that holds them together;
-- docs/BENCHMARKS.md, "Search"). kith writes them with the row's words;
-- the rows already written get theirs from the start-up backfill, which
-- writes each row's words again; until it is done a phrase is found by
-- its words alone.
INSERT INTO search_words_backlog (table_name, after_id)
    VALUES ('interaction_pairs', ''), ('ledger_entry_pairs', '');
