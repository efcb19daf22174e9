-- Reactions: many per message, one row per (user, emoji); toggling deletes the row.
CREATE TABLE IF NOT EXISTS message_reactions (
    conversation_id uuid NOT NULL,
    seq             bigint NOT NULL,
    user_id         uuid NOT NULL,
    emoji           text NOT NULL,
    reacted_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (conversation_id, seq, user_id, emoji)
);

-- "Delete for me": hidden from that user's history and sync only.
CREATE TABLE IF NOT EXISTS hidden_messages (
    user_id         uuid NOT NULL,
    conversation_id uuid NOT NULL,
    seq             bigint NOT NULL,
    PRIMARY KEY (user_id, conversation_id, seq)
);

-- Saved messages, per user.
CREATE TABLE IF NOT EXISTS bookmarks (
    user_id         uuid NOT NULL,
    conversation_id uuid NOT NULL,
    seq             bigint NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, conversation_id, seq)
);

ALTER TABLE conversation_members ADD COLUMN IF NOT EXISTS muted_until timestamptz;
