-- Self-destructing messages: the row stays (no seq gap) and is emptied at expires_at. Reads treat
-- an expired row as deleted even before the conversation's timer has emptied it.
ALTER TABLE messages ADD COLUMN IF NOT EXISTS expires_at timestamptz;
CREATE INDEX IF NOT EXISTS ix_messages_expiring ON messages (conversation_id, expires_at) WHERE expires_at IS NOT NULL;

-- Messages waiting for their time. The client id they will be sent with makes a send that is
-- retried after a crash (row sent, not yet removed here) find the first one.
CREATE TABLE IF NOT EXISTS scheduled_messages (
    scheduled_id       uuid PRIMARY KEY,
    conversation_id    uuid NOT NULL REFERENCES conversations (conversation_id),
    sender_id          uuid NOT NULL,
    client_message_id  text NOT NULL,
    type               text NOT NULL,
    content            text NOT NULL,
    reply_to_seq       bigint,
    metadata           jsonb,
    send_at            timestamptz NOT NULL,
    expires_in_seconds integer,
    created_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (conversation_id, sender_id, client_message_id)
);
CREATE INDEX IF NOT EXISTS ix_scheduled_messages_due ON scheduled_messages (conversation_id, send_at);
