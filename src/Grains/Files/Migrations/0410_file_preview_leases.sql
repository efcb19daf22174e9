-- Previews: which lease holds a job. A lease that lapsed (its silo died) and was taken by another
-- silo must not let the first one's late results land: every finish names the lease it holds.
ALTER TABLE file_preview_jobs ADD COLUMN IF NOT EXISTS lease_id uuid;

-- Wakes the preview workers as soon as completion queues a job (they poll slowly otherwise).
CREATE OR REPLACE FUNCTION notify_file_preview_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('file_preview_jobs', '');
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS file_preview_jobs_queued ON file_preview_jobs;
CREATE TRIGGER file_preview_jobs_queued AFTER INSERT ON file_preview_jobs
    FOR EACH STATEMENT EXECUTE FUNCTION notify_file_preview_jobs();
