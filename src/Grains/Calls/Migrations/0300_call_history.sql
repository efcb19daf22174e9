-- Finished calls, one row per invited user, so each user's history is one index range.
CREATE TABLE IF NOT EXISTS call_history (
    user_id          uuid NOT NULL,
    call_id          uuid NOT NULL,
    conversation_id  uuid NOT NULL,
    caller_id        uuid NOT NULL,
    video            boolean NOT NULL,
    outcome          text NOT NULL,
    missed           boolean NOT NULL,
    started_at       timestamptz NOT NULL,
    answered_at      timestamptz,
    ended_at         timestamptz NOT NULL,
    duration_seconds integer NOT NULL,
    participant_ids  uuid[] NOT NULL,
    PRIMARY KEY (user_id, call_id)
);

CREATE INDEX IF NOT EXISTS call_history_by_user_time ON call_history (user_id, started_at DESC);
