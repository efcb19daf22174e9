-- The conversation index: what a user's conversation list is served from.
CREATE TABLE IF NOT EXISTS conversations (
    conversation_id uuid PRIMARY KEY,
    type            text NOT NULL CHECK (type IN ('direct', 'group', 'channel')),
    name            text,
    created_by      uuid NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- Membership and per-member cursors. Kept out of the grain's state blob because a channel can
-- have any number of subscribers.
CREATE TABLE IF NOT EXISTS conversation_members (
    conversation_id uuid NOT NULL REFERENCES conversations (conversation_id),
    user_id         uuid NOT NULL,
    role            text NOT NULL,
    joined_at       timestamptz NOT NULL DEFAULT now(),
    read_seq        bigint NOT NULL DEFAULT 0,
    delivered_seq   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX IF NOT EXISTS ix_conversation_members_user ON conversation_members (user_id);

-- Messages, keyed by (conversation, seq). The grain assigns seq without gaps and inserts the row
-- before it acknowledges; the unique client id makes a retried send find the first one.
CREATE TABLE IF NOT EXISTS messages (
    conversation_id   uuid NOT NULL,
    seq               bigint NOT NULL,
    message_id        uuid NOT NULL,
    sender_id         uuid NOT NULL,
    client_message_id text NOT NULL,
    type              text NOT NULL,
    content           text NOT NULL,
    reply_to_seq      bigint,
    metadata          jsonb,
    sent_at           timestamptz NOT NULL,
    edited_at         timestamptz,
    deleted_at        timestamptz,
    PRIMARY KEY (conversation_id, seq)
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_messages_client_id ON messages (conversation_id, sender_id, client_message_id);
