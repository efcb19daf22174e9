-- A sign-up naming an address another account holds still creates its account, so the answer never
-- tells whether the address is registered: its email_key is 'claim:' || user_id (never an address, so
-- it neither collides nor matches a login) and the typed address's key is kept here, for signing in by
-- it. Such an address is never verified; its owner is mailed a note instead.
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS claimed_email_key text;
CREATE INDEX IF NOT EXISTS ix_accounts_claimed_email_key ON accounts (claimed_email_key) WHERE claimed_email_key IS NOT NULL;
