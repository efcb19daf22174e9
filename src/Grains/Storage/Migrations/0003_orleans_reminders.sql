-- 0003: Orleans reminders (Microsoft.Orleans.Reminders.AdoNet 10.4.2, invariant "Npgsql").
--
-- The reminder table provider loads every OrleansQuery row at start and refuses to start
-- unless these seven keys exist: UpsertReminderRowKey, ReadReminderRowsKey, ReadReminderRowKey,
-- ReadRangeRows1Key, ReadRangeRows2Key, DeleteReminderRowKey, DeleteReminderRowsKey.
--
-- Parameters it binds (checked against the 10.4.2 assembly, DbStoredQueries.Columns):
--     @ServiceId     text         ClusterOptions.ServiceId
--     @GrainId       text         GrainId.ToString(), e.g. "user/42"
--     @ReminderName  text
--     @StartTime     timestamptz  DateTime with Kind = Utc (DbType.DateTime maps to timestamptz in Npgsql 6+)
--     @Period        int4 or int8 milliseconds; int4 when it fits, int8 otherwise
--     @GrainHash     int4         GrainId.GetUniformHashCode() cast from uint to int
--     @BeginHash     int4         ring range bounds, also uint cast to int
--     @EndHash       int4
--     @Version       int4         the ETag, parsed as an integer (delete only)
-- Unlike newer upstream scripts, 10.4.2 binds no @CronExpression, @NextDueUtc, @LastFireUtc,
-- @Priority or @Action: Npgsql leaves unknown @Names untouched, so using them would fail.
--
-- Columns it reads from the row queries, by name: GrainId, ReminderName, StartTime,
-- Period (read as int64), Version. The upsert must return a Version column (first row used);
-- the single-row delete must return exactly one row with exactly one column that converts
-- to a boolean (true = deleted).
--
-- Range queries: the provider casts the ring hashes to signed int and picks
-- ReadRangeRows1Key when (int)begin < (int)end (a plain range begin < hash <= end), and
-- ReadRangeRows2Key otherwise (a range that wraps around, or the whole ring when begin = end).

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    varchar(150) NOT NULL,
    GrainId      varchar(512) NOT NULL,
    ReminderName varchar(150) NOT NULL,
    StartTime    timestamptz  NOT NULL,
    Period       bigint       NOT NULL,
    GrainHash    integer      NOT NULL,
    Version      integer      NOT NULL,

    CONSTRAINT PK_RemindersTable_ServiceId_GrainId_ReminderName PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Each silo reads the reminders of its slice of the hash ring.
CREATE INDEX IF NOT EXISTS IX_RemindersTable_ServiceId_GrainHash
    ON OrleansRemindersTable (ServiceId, GrainHash);

-- Insert or replace a reminder; the returned Version becomes its ETag.
-- Upserts are last-writer-wins by design (the provider sends no ETag here).
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('UpsertReminderRowKey', $q$
    INSERT INTO OrleansRemindersTable
        (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES
        (@ServiceId, @GrainId, @ReminderName, @StartTime, CAST(@Period AS bigint), @GrainHash, 0)
    ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
    SET StartTime = EXCLUDED.StartTime,
        Period = EXCLUDED.Period,
        GrainHash = EXCLUDED.GrainHash,
        Version = OrleansRemindersTable.Version + 1
    RETURNING Version;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- All reminders of one grain.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('ReadReminderRowsKey', $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND GrainId = @GrainId;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- One reminder of one grain (no row when it does not exist).
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('ReadReminderRowKey', $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND GrainId = @GrainId
        AND ReminderName = @ReminderName;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Non-wrapping ring range: BeginHash < GrainHash <= EndHash.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('ReadRangeRows1Key', $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND GrainHash > @BeginHash
        AND GrainHash <= @EndHash;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Wrapping ring range: GrainHash > BeginHash or GrainHash <= EndHash.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('ReadRangeRows2Key', $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Delete one reminder if its ETag still matches. Always returns exactly one row with one
-- boolean column, because the provider reads the first row and fails on an empty result.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('DeleteReminderRowKey', $q$
    WITH deleted AS (
        DELETE FROM OrleansRemindersTable
        WHERE ServiceId = @ServiceId
            AND GrainId = @GrainId
            AND ReminderName = @ReminderName
            AND Version = @Version
        RETURNING 1
    )
    SELECT count(*) > 0 AS Deleted FROM deleted;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Delete every reminder of the service (used by tests only).
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('DeleteReminderRowsKey', $q$
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
