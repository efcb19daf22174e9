-- Personal data exports: a row per request, pending until content (a zip) is written.
CREATE TABLE IF NOT EXISTS account_exports (
    export_id     uuid PRIMARY KEY,
    user_id       uuid NOT NULL REFERENCES accounts (user_id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    completed_at  timestamptz,
    content       bytea
);
CREATE INDEX IF NOT EXISTS ix_account_exports_user ON account_exports (user_id);
