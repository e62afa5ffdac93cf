-- The live contacts by name, each entry holding its search text: a search
-- that reads contacts in name order, keeping those whose text holds the
-- query (contacts::store::by_name_text), reads this index alone, not each
-- contact's row (`ima`, inside each `Lima`, one contact in 16: 2,300
-- contacts for a page of 50, 15 ms through the rows). A B-tree entry holds
-- at most 2,704 bytes: a contact whose text is longer (notes run to
-- 10,000 characters) is in the second index, by name alone, and its row
-- is read. Both conditions are written the same way in the statements.
CREATE INDEX contacts_live_name_text ON contacts (user_id, name_key, id)
    INCLUDE (archived, search_text)
    WHERE trashed_at IS NULL
        AND octet_length(search_text) + octet_length(name_key) <= 2000;
CREATE INDEX contacts_live_name_long ON contacts (user_id, name_key, id)
    WHERE trashed_at IS NULL
        AND octet_length(search_text) + octet_length(name_key) > 2000;
