-- Two-factor authentication (TOTP, RFC 6238). The secret is kept as raw bytes because codes are
-- computed from it; a row with confirmed_at NULL is a setup not yet confirmed, which does not
-- protect logins. last_used_step makes every code single use: a code is accepted only for a time
-- step later than the last accepted one.
CREATE TABLE IF NOT EXISTS account_totp (
    user_id         uuid PRIMARY KEY REFERENCES accounts (user_id),
    secret          bytea NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    confirmed_at    timestamptz,
    last_used_step  bigint NOT NULL DEFAULT 0
);

-- Recovery codes, stored only as SHA-256 hashes; each is spent by setting used_at.
CREATE TABLE IF NOT EXISTS account_recovery_codes (
    user_id    uuid NOT NULL REFERENCES accounts (user_id),
    code_hash  bytea NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (user_id, code_hash)
);
