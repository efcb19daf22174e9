-- 0002: Orleans grain storage (Microsoft.Orleans.Persistence.AdoNet 10.4.2, invariant "Npgsql").
--
-- Contract with the provider (checked against the 10.4.2 assembly, AdoNetGrainStorage):
--
--   Parameters, bound by name through Npgsql (an @Name placeholder in the text becomes $n):
--     @GrainIdHash             int4    hash of the grain key (OrleansDefaultHasher unless configured)
--     @GrainIdN0               int8    first 8 bytes of a Guid key; 0 for integer and string keys
--     @GrainIdN1               int8    last 8 bytes of a Guid key, or the integer key; 0 for string keys
--     @GrainTypeHash           int4    hash of @GrainTypeString
--     @GrainTypeString         text    grain type / state name, generic arguments normalised
--     @GrainIdExtensionString  text    key extension, or the whole key for string-keyed grains; may be NULL
--     @ServiceId               text    ClusterOptions.ServiceId
--     @GrainStateVersion       int4    the ETag the grain holds; NULL when it has never seen a row
--     @PayloadBinary           bytea   serialized state (write only)
--   Version 10.x stores binary payloads only: there is no @PayloadJson / @PayloadXml any more,
--   and Npgsql leaves an unknown @Name untouched, so referencing them would be a syntax error.
--
--   Results (column names are matched case-insensitively by Npgsql, so lower case is fine):
--     ReadFromStorageKey  -> zero or one row: PayloadBinary (bytea, NULL once cleared), Version (int4).
--                            A NULL payload means "no record" but Version still becomes the ETag.
--     WriteToStorageKey   -> column NewGrainStateVersion (int4) with the new version, or no row on conflict.
--     ClearStorageKey     -> first column = new version, or no row on conflict.
--     DeleteStorageKey    -> first column = any value other than the old version, or no row on conflict.
--                            Only used when AdoNetGrainStorageOptions.DeleteStateOnClear = true; the
--                            provider refuses to start in that mode if this row is missing.
--   The provider raises InconsistentStateException when the returned version is missing, NULL,
--   or equal to the ETag it sent, so "no row" is how every query below reports a lost race.
--
-- Concurrency: updates filter on Version = @GrainStateVersion, so of two writers holding the
-- same ETag the second one re-checks the row after the first commits, matches nothing and
-- gets no row back. First inserts go through ON CONFLICT DO NOTHING against a unique index
-- on the full grain identity, so of two concurrent first writes exactly one inserts.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea        NULL,
    ModifiedOn             timestamptz  NOT NULL DEFAULT now(),
    Version                integer      NOT NULL
);

-- One row per grain state. The hashes lead so lookups stay narrow; NULLS NOT DISTINCT
-- (PostgreSQL 15+) makes two rows with a NULL key extension collide, which a plain unique
-- index would allow. This index is also the ON CONFLICT arbiter of the write query.
CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansStorage_Grain
    ON OrleansStorage (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString)
    NULLS NOT DISTINCT;

-- Read: the stored payload and its version. No row means the grain has no state yet.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('ReadFromStorageKey', $q$
    SELECT
        PayloadBinary,
        Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash
        AND GrainTypeHash = @GrainTypeHash
        AND ServiceId = @ServiceId
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Write: update when the grain holds a version, insert when it holds none.
-- Exactly one of the two branches can act (they test @GrainStateVersion oppositely);
-- the statement returns one row with the new version, or no row when the grain lost a race.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('WriteToStorageKey', $q$
    WITH updated AS (
        UPDATE OrleansStorage
        SET PayloadBinary = @PayloadBinary,
            ModifiedOn = now(),
            Version = Version + 1
        WHERE @GrainStateVersion IS NOT NULL
            AND GrainIdHash = @GrainIdHash
            AND GrainTypeHash = @GrainTypeHash
            AND ServiceId = @ServiceId
            AND GrainIdN0 = @GrainIdN0
            AND GrainIdN1 = @GrainIdN1
            AND GrainTypeString = @GrainTypeString
            AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
            AND Version = @GrainStateVersion
        RETURNING Version
    ),
    inserted AS (
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
             GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        SELECT
            @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
            @GrainIdExtensionString, @ServiceId, @PayloadBinary, now(), 1
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString)
            DO NOTHING
        RETURNING Version
    )
    SELECT Version AS NewGrainStateVersion FROM updated
    UNION ALL
    SELECT Version FROM inserted;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Clear (DeleteStateOnClear = false, the default): keep the row as a tombstone with a NULL
-- payload and a bumped version, so a stale activation can never resurrect old state.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('ClearStorageKey', $q$
    UPDATE OrleansStorage
    SET PayloadBinary = NULL,
        ModifiedOn = now(),
        Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash
        AND GrainTypeHash = @GrainTypeHash
        AND ServiceId = @ServiceId
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
        AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Delete (DeleteStateOnClear = true): remove the row. The provider only checks that the value
-- returned differs from the ETag it sent, then forgets the ETag; the next write inserts anew.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('DeleteStorageKey', $q$
    DELETE FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash
        AND GrainTypeHash = @GrainTypeHash
        AND ServiceId = @ServiceId
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
        AND Version = @GrainStateVersion
    RETURNING Version + 1 AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
