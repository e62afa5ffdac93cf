-- The tables stay as they are: WITHOUT ROWID changes how they are stored,
-- not what they hold.
SELECT 1;
