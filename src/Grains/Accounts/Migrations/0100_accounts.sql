-- Accounts: the unique, case- and Unicode-normalised keys that sign-up and login look up.
CREATE TABLE IF NOT EXISTS accounts (
    user_id        uuid PRIMARY KEY,
    username       text NOT NULL,
    username_key   text NOT NULL,
    email          text NOT NULL,
    email_key      text NOT NULL,
    password_hash  text NOT NULL,
    display_name   text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    deleted_at     timestamptz
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_accounts_username_key ON accounts (username_key);
CREATE UNIQUE INDEX IF NOT EXISTS ux_accounts_email_key ON accounts (email_key);

-- A session is one signed-in device and one refresh-token family.
CREATE TABLE IF NOT EXISTS account_sessions (
    session_id    uuid PRIMARY KEY,
    user_id       uuid NOT NULL REFERENCES accounts (user_id),
    device_name   text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz,
    revoke_reason text
);
CREATE INDEX IF NOT EXISTS ix_account_sessions_user ON account_sessions (user_id);

-- Refresh tokens are stored only as SHA-256 hashes; spent ones stay to detect replay.
CREATE TABLE IF NOT EXISTS refresh_tokens (
    token_hash  bytea PRIMARY KEY,
    session_id  uuid NOT NULL REFERENCES account_sessions (session_id),
    issued_at   timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    spent_at    timestamptz
);
CREATE INDEX IF NOT EXISTS ix_refresh_tokens_session ON refresh_tokens (session_id);
