DELETE FROM contact_names WHERE kind IN ('name_head', 'word_head', 'tail');
DELETE FROM search_words_backlog WHERE table_name = 'contacts';
