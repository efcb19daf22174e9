-- File search matches names as message search matches text: letter width, case and accents ignored
-- (`cafe` finds `Café.pdf`, `ｒｅｐｏｒｔ` finds `report.pdf`). unaccent ships in postgresql-contrib
-- beside pg_trgm and is a trusted extension.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- An index needs an immutable expression and unaccent() is only stable (its dictionary could be
-- edited); the SQL-standard body binds the dictionary and functions when this runs, so the search_path
-- of whoever later builds or uses the index does not change what it computes.
CREATE OR REPLACE FUNCTION search_fold_name(name text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN lower(unaccent('unaccent'::regdictionary, normalize(name, NFKC)));

CREATE INDEX IF NOT EXISTS ix_files_name_folded_trgm ON files USING gin (search_fold_name(name) gin_trgm_ops) WHERE deleted_at IS NULL;
