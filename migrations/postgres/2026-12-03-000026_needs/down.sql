DROP TABLE need_tags;
DROP TABLE needs;
