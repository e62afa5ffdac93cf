DROP INDEX contacts_live_name_long;
DROP INDEX contacts_live_name_text;
