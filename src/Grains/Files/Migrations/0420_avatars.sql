-- The avatar each profile and group shows, beside the grain state that serves it: replacing an avatar
-- makes the old file private again only when no other profile or group still shows it, and that
-- question is asked here. (A profile's avatar is also in the user grain's state, a group's in the
-- conversation grain's; these columns are written in the same transaction as the files' `public`.)
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS avatar_file_id uuid;
ALTER TABLE conversations ADD COLUMN IF NOT EXISTS avatar_file_id uuid;
CREATE INDEX IF NOT EXISTS ix_accounts_avatar_file ON accounts (avatar_file_id) WHERE avatar_file_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_conversations_avatar_file ON conversations (avatar_file_id) WHERE avatar_file_id IS NOT NULL;
