DELETE FROM search_words_backlog
    WHERE table_name IN ('interaction_pairs', 'ledger_entry_pairs');
