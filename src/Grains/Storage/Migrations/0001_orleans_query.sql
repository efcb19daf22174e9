-- 0001: the Orleans ADO.NET query catalogue.
--
-- The Orleans ADO.NET providers ship no SQL. At startup each provider loads the texts of
-- the queries it will run from this table, using unquoted identifiers:
--
--   grain storage (Microsoft.Orleans.Persistence.AdoNet 10.4.2):
--     SELECT QueryKey, QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey' OR ...
--   reminders (Microsoft.Orleans.Reminders.AdoNet 10.4.2):
--     SELECT QueryKey, QueryText FROM OrleansQuery
--
-- Both columns are read by name and cast straight to System.String, so they must stay
-- character columns. The identifiers below are deliberately left unquoted: PostgreSQL folds
-- them to lower case (orleansquery, querykey, querytext), which is exactly what the
-- unquoted names in the provider queries resolve to. Quoting them here would break Orleans.
--
-- Later migrations (0002 grain storage, 0003 reminders) add their rows with
-- INSERT ... ON CONFLICT (QueryKey) DO UPDATE, so re-running any of them is safe.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL,
    QueryText varchar(8000) NOT NULL,

    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);

COMMENT ON TABLE OrleansQuery IS
    'Query texts loaded by the Orleans ADO.NET providers at silo start; edit only together with the matching migration.';
