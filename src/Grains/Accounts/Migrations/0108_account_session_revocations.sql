-- Frontends read the sessions revoked in the last minutes (their backstop against a lost
-- revocation broadcast) every few seconds; this keeps that read off the rest of the table.
CREATE INDEX IF NOT EXISTS ix_account_sessions_revoked ON account_sessions (revoked_at) WHERE revoked_at IS NOT NULL;
