-- People search. Names are matched in their folded form (SearchText.Fold: case, accents, width and
-- Arabic letter forms ignored), which only C# computes, so the account's writers store it beside the
-- name (AccountStore at sign-up, UserProfileStore on a rename, AccountErasureStore clears it,
-- SearchNamesBackfill for the accounts from before this file):
--   username_folded  the folded username, for substring matches through pg_trgm;
--   search_names     the words of username and display name (SearchNames.Words) as tsvector lexemes,
--                    for prefix-of-any-word matches ('ana':*) that a GIN index answers for any length
--                    and any script (pg_trgm needs three characters, and under C.UTF-8 drops CJK).
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS username_folded text;
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS search_names tsvector;

-- Accounts from before: their words approximated in SQL (NFKC and lower case, split at spaces and
-- punctuation) so prefix search finds them at once; username_folded stays null, which is how
-- SearchNamesBackfill (C#, at silo start) knows to write the exact forms. Deleted accounts are never searched.
UPDATE accounts SET
    search_names = array_to_tsvector(ARRAY(
        SELECT DISTINCT w FROM unnest(regexp_split_to_array(lower(normalize(username || ' ' || display_name, NFKC)), '[[:space:][:punct:]]+')) w
        WHERE w <> ''
        UNION
        SELECT DISTINCT w FROM unnest(regexp_split_to_array(lower(normalize(username || ' ' || display_name, NFKC)), '[[:space:]]+')) w
        WHERE w <> ''))
WHERE search_names IS NULL AND deleted_at IS NULL;

CREATE INDEX IF NOT EXISTS ix_accounts_search_names ON accounts USING gin (search_names) WHERE deleted_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_accounts_username_folded_trgm ON accounts USING gin (username_folded gin_trgm_ops) WHERE deleted_at IS NULL;
