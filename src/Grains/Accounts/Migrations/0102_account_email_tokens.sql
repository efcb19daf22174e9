-- Email verification and password reset. Tokens are single use, expire after an hour and are
-- stored only as SHA-256 hashes. email_key binds a token to the address it was sent to, so a
-- token stops working if the account's address is no longer that one.
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS email_verified_at timestamptz;

CREATE TABLE IF NOT EXISTS account_email_tokens (
    token_hash  bytea PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES accounts (user_id),
    purpose     text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    email_key   text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX IF NOT EXISTS ix_account_email_tokens_user ON account_email_tokens (user_id, purpose, created_at);
