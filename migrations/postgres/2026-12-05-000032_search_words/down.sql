DROP TABLE search_words_backlog;
DROP TABLE ledger_entry_words;
DROP TABLE interaction_words;
