-- Server-side sign-in sessions: the form-login cookie is stateless, so ending a session (sign-out, a
-- password change) needs a record to remove. The browser holds a random id in a second cookie; only its
-- SHA-256 is stored.
CREATE TABLE web_session (
    id_hash      VARCHAR(64) NOT NULL PRIMARY KEY,
    operator_id  BIGINT      NOT NULL REFERENCES operator (id) ON DELETE CASCADE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_web_session_operator ON web_session (operator_id);
CREATE INDEX ix_web_session_last_seen ON web_session (last_seen_at);

-- API tokens may expire.
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;

-- One row per throttled subject ("account:<email>", "client:<address>"): locked while a sign-in attempt
-- is counted and reserved, so parallel attempts (on any instance) are counted one after the other.
CREATE TABLE sign_in_subject (
    subject VARCHAR(300) NOT NULL PRIMARY KEY
);

-- Each sign-in attempt reserves its failure rows before the password is checked; a success removes
-- the attempt's rows again (and the account's earlier failures).
ALTER TABLE sign_in_failure ADD COLUMN attempt VARCHAR(36);
