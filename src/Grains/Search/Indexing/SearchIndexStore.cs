using Npgsql;
using NpgsqlTypes;

namespace Chat.Search.Indexing;

/// <summary>
/// One indexing round, in one transaction: take the advisory lock (or leave the round to the silo
/// that holds it), take the oldest queue rows, re-read their messages, and write or delete their
/// message_search rows. Queue rows are deleted by the same transaction that writes the index, so a
/// failure anywhere leaves them queued; and one indexer at a time, each reading after the previous
/// one committed, means a newer version of a message is never overwritten by an older one.
/// </summary>
internal sealed class SearchIndexStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>"SearchIx": the cluster-wide indexer lock (pg_try_advisory_xact_lock, released at commit).</summary>
    public const long LockKey = 0x53_65_61_72_63_68_49_78;

    // The DISTINCT folds an edit queued twice (or an insert then an edit) into one read.
    private const string TakeSql = """
        WITH taken AS (
            DELETE FROM search_index_queue
            WHERE id IN (SELECT id FROM search_index_queue ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
            RETURNING conversation_id, seq
        ), keys AS (
            SELECT DISTINCT conversation_id, seq FROM taken
        )
        SELECT (SELECT count(*) FROM taken), k.conversation_id, k.seq, m.seq IS NOT NULL, m.sender_id, m.type, m.content,
               m.metadata::text, m.sent_at, m.expires_at, m.deleted_at IS NOT NULL,
               ARRAY(SELECT DISTINCT f.kind FROM message_files f WHERE f.conversation_id = k.conversation_id AND f.seq = k.seq AND NOT f.deleted)
        FROM keys k LEFT JOIN messages m ON m.conversation_id = k.conversation_id AND m.seq = k.seq
        """;

    // An unchanged row (a metadata change that touches no indexed text) is left alone: no dead tuple, no GIN work.
    private const string UpsertSql = """
        INSERT INTO message_search AS s (conversation_id, seq, sender_id, sent_at, expires_at, kinds, document, body)
        SELECT c, q, sender, sent, expires, kinds, document::tsvector, body
        FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::smallint[], $7::text[], $8::text[])
            AS u(c, q, sender, sent, expires, kinds, document, body)
        ON CONFLICT (conversation_id, seq) DO UPDATE
            SET sender_id = excluded.sender_id, sent_at = excluded.sent_at, expires_at = excluded.expires_at,
                kinds = excluded.kinds, document = excluded.document, body = excluded.body
            WHERE (s.expires_at, s.kinds, s.body, s.document) IS DISTINCT FROM (excluded.expires_at, excluded.kinds, excluded.body, excluded.document)
        """;

    private const string DeleteSql = """
        DELETE FROM message_search s USING unnest($1::uuid[], $2::bigint[]) AS gone(c, q)
        WHERE s.conversation_id = gone.c AND s.seq = gone.q
        """;

    /// <summary>Indexes up to <paramref name="limit"/> queue rows; null if another silo holds the lock.</summary>
    public async Task<IndexRound?> IndexNextAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await TryLockAsync(connection, transaction, cancellationToken))
        {
            return null;
        }

        // After the lock, in a statement of its own: this snapshot sees everything the previous holder committed.
        var (taken, messages) = await TakeAsync(connection, transaction, limit, cancellationToken);
        if (taken == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return new IndexRound(0, 0, 0);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rows = new List<SearchRow>(messages.Count);
        var gone = new List<QueuedMessage>();
        foreach (var message in messages)
        {
            if (SearchRow.For(message, now) is { } row)
            {
                rows.Add(row);
            }
            else
            {
                gone.Add(message);
            }
        }

        await WriteAsync(connection, transaction, rows, gone, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IndexRound(taken, rows.Count, gone.Count);
    }

    /// <summary>
    /// Drops the oldest queue row without indexing it: for a row Postgres refuses to index even alone
    /// (its message keeps whatever index row it had). Returns the key dropped, if any.
    /// </summary>
    public async Task<(Guid ConversationId, long Seq)?> DropOldestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await TryLockAsync(connection, transaction, cancellationToken))
        {
            return null;
        }

        await using var command = new NpgsqlCommand("""
            DELETE FROM search_index_queue WHERE id = (SELECT id FROM search_index_queue ORDER BY id LIMIT 1)
            RETURNING conversation_id, seq
            """, connection, transaction);
        (Guid, long)? dropped = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                dropped = (reader.GetGuid(0), reader.GetInt64(1));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return dropped;
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock($1)", connection, transaction);
        command.Parameters.AddWithValue(LockKey);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<(long Taken, List<QueuedMessage> Messages)> TakeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(TakeSql, connection, transaction);
        command.Parameters.AddWithValue(limit);
        var messages = new List<QueuedMessage>();
        long taken = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            taken = reader.GetInt64(0);
            var exists = reader.GetBoolean(3);
            messages.Add(exists
                ? new QueuedMessage(
                    reader.GetGuid(1), reader.GetInt64(2), true, reader.GetGuid(4), reader.GetString(5), reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetDateTime(8),
                    reader.IsDBNull(9) ? null : reader.GetDateTime(9), reader.GetBoolean(10), reader.GetFieldValue<string[]>(11))
                : new QueuedMessage(reader.GetGuid(1), reader.GetInt64(2), false, Guid.Empty, "", "", null, default, null, true, []));
        }

        return (taken, messages);
    }

    private static async Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<SearchRow> rows, List<QueuedMessage> gone, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (rows.Count > 0)
        {
            var upsert = new NpgsqlBatchCommand(UpsertSql);
            upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.ConversationId).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Seq).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.SenderId).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.SentAt).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.ExpiresAt).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => (short)r.Kinds).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Document.Tsvector).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Document.Body).ToArray() });
            batch.BatchCommands.Add(upsert);
        }

        if (gone.Count > 0)
        {
            var delete = new NpgsqlBatchCommand(DeleteSql);
            delete.Parameters.Add(new NpgsqlParameter { Value = gone.Select(m => m.ConversationId).ToArray() });
            delete.Parameters.Add(new NpgsqlParameter { Value = gone.Select(m => m.Seq).ToArray() });
            batch.BatchCommands.Add(delete);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>What a round did: queue rows taken, index rows written, index rows removed.</summary>
internal readonly record struct IndexRound(long Taken, int Written, int Removed);
