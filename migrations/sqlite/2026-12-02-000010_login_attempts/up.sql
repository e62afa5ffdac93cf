-- Failed logins are counted in rate_limits now (bucket 'login:account:<email key>'),
-- by one atomic upsert before the password is checked.
DROP TABLE login_failures;
