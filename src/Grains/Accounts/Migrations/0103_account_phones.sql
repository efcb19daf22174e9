-- Phone numbers (E.164) and sign-in by texted one-time codes. A number is unique among verified
-- numbers only, so typing someone else's number cannot squat it; pending_phone is the number a
-- code was last sent to for confirmation.
CREATE TABLE IF NOT EXISTS account_phones (
    user_id        uuid PRIMARY KEY REFERENCES accounts (user_id),
    phone          text,
    verified_at    timestamptz,
    pending_phone  text
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_account_phones_phone ON account_phones (phone);

-- Codes are stored only as SHA-256 of phone and code; single use, short-lived, and dead after
-- too many wrong attempts. The number of rows per phone in the last hour is the send limit.
CREATE TABLE IF NOT EXISTS account_phone_codes (
    code_id          uuid PRIMARY KEY,
    user_id          uuid NOT NULL REFERENCES accounts (user_id),
    phone            text NOT NULL,
    purpose          text NOT NULL CHECK (purpose IN ('verify_phone', 'login')),
    code_hash        bytea NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    used_at          timestamptz,
    failed_attempts  int NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS ix_account_phone_codes_phone ON account_phone_codes (phone, created_at);
CREATE INDEX IF NOT EXISTS ix_account_phone_codes_user ON account_phone_codes (user_id);
