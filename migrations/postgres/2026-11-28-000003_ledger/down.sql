DROP TABLE ledger_balances;
DROP TABLE ledger_entries;
ALTER TABLE contacts DROP COLUMN balance;
