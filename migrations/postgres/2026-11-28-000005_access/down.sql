DROP TABLE login_failures;
DROP TABLE rate_limits;
DROP TABLE access_tokens;
