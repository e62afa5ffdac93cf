DROP INDEX contact_names_head;
DELETE FROM contact_names WHERE kind = 'tail';
DELETE FROM search_words_backlog WHERE table_name = 'contacts';
