-- Files: one row per upload. The bytes live in object storage (S3 / MinIO) under object_key;
-- this row is what every access check, quota sum and clean-up sweep reads.
CREATE TABLE IF NOT EXISTS files (
    file_id         uuid PRIMARY KEY,
    owner_id        uuid NOT NULL,
    purpose         text NOT NULL CHECK (purpose IN ('message', 'avatar', 'story')),
    name            text NOT NULL,
    declared_size   bigint NOT NULL CHECK (declared_size > 0),
    declared_type   text NOT NULL,
    -- pending: upload started; processing: complete and checked, previews queued;
    -- ready: previews made (or given up: a file whose previews failed is still a document).
    status          text NOT NULL CHECK (status IN ('pending', 'processing', 'ready')),
    -- What the server found in the bytes at completion (never what the client said).
    content_type    text,
    kind            text CHECK (kind IN ('image', 'video', 'audio', 'document')),
    size            bigint,
    object_key      text NOT NULL,
    -- The S3 multipart upload id while a large upload is pending; null for a single PUT.
    multipart_id    text,
    part_size       bigint,
    -- What others download for an image: the original when it carried no metadata, else a
    -- copy with EXIF/GPS stripped and orientation applied. Null until the previews ran.
    clean_key       text,
    -- Media facts for clients: {width, height, durationMs, placeholder, waveform, pages}.
    media           jsonb,
    -- The preview variants that exist ('320', '1280', '96', '512', 'poster', 'web'), at
    -- files/{file_id}/{variant} in the bucket.
    previews        text[] NOT NULL DEFAULT '{}',
    -- Set when a message, a profile or a group first uses the file; unattached files are swept.
    attached_at     timestamptz,
    -- An avatar in use that any signed-in user may fetch.
    public          boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz,
    deleted_at      timestamptz
);
CREATE INDEX IF NOT EXISTS ix_files_owner ON files (owner_id) WHERE deleted_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_files_unattached ON files (created_at) WHERE attached_at IS NULL AND deleted_at IS NULL;

-- Per-user storage use: bytes of completed files plus bytes reserved by uploads in progress.
-- Changed only in the same transaction as the files row it accounts for.
CREATE TABLE IF NOT EXISTS user_storage (
    user_id         uuid PRIMARY KEY,
    used_bytes      bigint NOT NULL DEFAULT 0 CHECK (used_bytes >= 0),
    reserved_bytes  bigint NOT NULL DEFAULT 0 CHECK (reserved_bytes >= 0),
    file_count      integer NOT NULL DEFAULT 0 CHECK (file_count >= 0)
);

-- Parts of a pending multipart upload the client reported (for resuming after a dropped connection).
CREATE TABLE IF NOT EXISTS file_upload_parts (
    file_id         uuid NOT NULL REFERENCES files (file_id) ON DELETE CASCADE,
    part_number     integer NOT NULL CHECK (part_number BETWEEN 1 AND 10000),
    etag            text NOT NULL,
    size            bigint NOT NULL,
    PRIMARY KEY (file_id, part_number)
);

-- Which messages carry which files: the access check ("a member of a conversation where a message
-- carries it") and the conversation's files tab read this. Written in the message's own transaction.
CREATE TABLE IF NOT EXISTS message_files (
    conversation_id uuid NOT NULL,
    seq             bigint NOT NULL,
    file_id         uuid NOT NULL,
    kind            text NOT NULL,
    sender_id       uuid NOT NULL,
    sent_at         timestamptz NOT NULL,
    -- Set by a delete for everyone or an expiry: the file is then hidden from the members.
    deleted         boolean NOT NULL DEFAULT false,
    PRIMARY KEY (conversation_id, seq, file_id)
);
CREATE INDEX IF NOT EXISTS ix_message_files_file ON message_files (file_id);
CREATE INDEX IF NOT EXISTS ix_message_files_kind ON message_files (conversation_id, kind, seq DESC) WHERE NOT deleted;

-- The preview queue: a job per completed file, leased by one silo at a time, retried with back-off.
CREATE TABLE IF NOT EXISTS file_preview_jobs (
    file_id         uuid PRIMARY KEY REFERENCES files (file_id) ON DELETE CASCADE,
    stage           text NOT NULL DEFAULT 'previews',
    attempts        integer NOT NULL DEFAULT 0,
    run_after       timestamptz NOT NULL DEFAULT now(),
    leased_until    timestamptz,
    last_error      text
);
CREATE INDEX IF NOT EXISTS ix_file_preview_jobs_due ON file_preview_jobs (run_after);
