-- Search. pg_trgm ships in postgresql-contrib and is a trusted extension (the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The message index: one row per searchable message (a message deleted for everyone or emptied by its
-- expiry has none). Written only by the search indexer (Search/Indexing), never on the send path.
CREATE TABLE IF NOT EXISTS message_search (
    conversation_id uuid NOT NULL,
    seq             bigint NOT NULL,
    sender_id       uuid NOT NULL,
    sent_at         timestamptz NOT NULL,
    -- A self-destructing message drops out of results at this time, before its erasure reaches the index.
    expires_at      timestamptz,
    -- What the message carries, as SearchKinds bits (image 1, video 2, voice 4, audio 8, document 16, link 32).
    kinds           smallint NOT NULL DEFAULT 0,
    -- Words, CJK bigrams, emoji and #hashtags with their positions, built by SearchDocument (C#), not by a
    -- Postgres text-search configuration: one tokenizer for the index and the query, for every script.
    document        tsvector NOT NULL,
    -- The folded text (SearchText.Fold: NFKC, lower case, Latin/Greek/Cyrillic accents and Arabic
    -- diacritics dropped, one space between words) that substring matching reads through pg_trgm.
    body            text NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);
CREATE INDEX IF NOT EXISTS ix_message_search_document ON message_search USING gin (document);
CREATE INDEX IF NOT EXISTS ix_message_search_body ON message_search USING gin (body gin_trgm_ops);
CREATE INDEX IF NOT EXISTS ix_message_search_sender ON message_search (sender_id, sent_at DESC);

-- The indexer's durable queue: every insert or change of a message row adds its key here in the same
-- statement (a statement trigger, so one batch of sends is one more INSERT … SELECT, no lookups). The
-- indexer takes rows in id order and re-reads the message, so a duplicate or a late row is harmless.
CREATE TABLE IF NOT EXISTS search_index_queue (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id uuid NOT NULL,
    seq             bigint NOT NULL
);

CREATE OR REPLACE FUNCTION queue_messages_for_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_index_queue (conversation_id, seq) SELECT conversation_id, seq FROM changed_messages;
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS messages_search_insert ON messages;
CREATE TRIGGER messages_search_insert AFTER INSERT ON messages
    REFERENCING NEW TABLE AS changed_messages FOR EACH STATEMENT EXECUTE FUNCTION queue_messages_for_search();
DROP TRIGGER IF EXISTS messages_search_update ON messages;
CREATE TRIGGER messages_search_update AFTER UPDATE ON messages
    REFERENCING NEW TABLE AS changed_messages FOR EACH STATEMENT EXECUTE FUNCTION queue_messages_for_search();

-- Messages from before search existed.
INSERT INTO search_index_queue (conversation_id, seq)
SELECT conversation_id, seq FROM messages WHERE deleted_at IS NULL ORDER BY sent_at;

-- Pins, beside the conversation grain's state (which serves PinsChanged and GET), so is:pinned is a join.
-- Written in SetPinnedAsync before the state; a grain whose pins predate this table copies them once.
CREATE TABLE IF NOT EXISTS pinned_messages (
    conversation_id uuid NOT NULL,
    seq             bigint NOT NULL,
    pinned_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (conversation_id, seq)
);

-- The last 20 searches per user (kept to 20 by the writer), erased with the account.
CREATE TABLE IF NOT EXISTS search_history (
    user_id     uuid NOT NULL,
    query       text NOT NULL,
    searched_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, query)
);

-- File search by name, and people and conversation search by name.
CREATE INDEX IF NOT EXISTS ix_files_name_trgm ON files USING gin (lower(name) gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_accounts_display_name_trgm ON accounts USING gin (lower(display_name) gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_accounts_username_trgm ON accounts USING gin (username_key gin_trgm_ops) WHERE deleted_at IS NULL;
