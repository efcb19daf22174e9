-- One user's consent towards another: they opened or wrote in their direct conversation, accepted
-- its message request, or saved the contact. Two users are contacts when each consented to the
-- other; a direct conversation whose recipient has not consented is a message request for them.
CREATE TABLE IF NOT EXISTS contact_consents (
    user_id    uuid NOT NULL,
    contact_id uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, contact_id)
);

-- Conversations from before: the creator of each direct conversation and every member who wrote in it consented.
INSERT INTO contact_consents (user_id, contact_id)
SELECT m.user_id, o.user_id
FROM conversations c
JOIN conversation_members m ON m.conversation_id = c.conversation_id
JOIN conversation_members o ON o.conversation_id = c.conversation_id AND o.user_id <> m.user_id
WHERE c.type = 'direct'
  AND (c.created_by = m.user_id
       OR EXISTS (SELECT 1 FROM messages x WHERE x.conversation_id = c.conversation_id AND x.sender_id = m.user_id))
ON CONFLICT DO NOTHING;

-- A message request the recipient ignored: hidden from their list up to this seq (a newer message shows it again).
ALTER TABLE conversation_members ADD COLUMN IF NOT EXISTS request_ignored_seq bigint;
