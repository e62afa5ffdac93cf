-- Nothing to undo: the search text of the previous version is a subset.
SELECT 1;
