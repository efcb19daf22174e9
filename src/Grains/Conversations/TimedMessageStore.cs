using Chat.Search.Indexing;
using Npgsql;
using NpgsqlTypes;

namespace Chat.Conversations;

/// <summary>Rows with a time attached: self-destructing messages to empty, and scheduled messages to send.</summary>
internal sealed class TimedMessageStore(NpgsqlDataSource dataSource, SearchIndexSignal searchSignal)
{
    private const string ScheduledColumns =
        "scheduled_id, conversation_id, sender_id, client_message_id, type, content, reply_to_seq, metadata::text, send_at, expires_in_seconds";

    /// <summary>Empties every message of the conversation whose time is up, hiding its files from the members; returns them as deleted.</summary>
    public async Task<IReadOnlyList<ChatMessage>> ExpireDueAsync(Guid conversationId, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH expired AS (
                UPDATE messages SET content = '', metadata = NULL, deleted_at = expires_at, expires_at = NULL
                WHERE conversation_id = $1 AND expires_at <= $2 AND deleted_at IS NULL
                RETURNING seq
            ), reactions AS (
                DELETE FROM message_reactions r USING expired e WHERE r.conversation_id = $1 AND r.seq = e.seq
            ), files AS (
                UPDATE message_files f SET deleted = true FROM expired e WHERE f.conversation_id = $1 AND f.seq = e.seq
            )
            SELECT {ConversationStore.MessageColumns} FROM messages
            WHERE conversation_id = $1 AND seq IN (SELECT seq FROM expired) ORDER BY seq
            """);
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.AddWithValue(now.UtcDateTime);
        var expired = await ConversationStore.ReadMessagesAsync(command, CancellationToken.None);
        if (expired.Count > 0)
        {
            searchSignal.Poke();
        }

        // The statement's snapshot still shows the rows as they were; what clients get is the deleted form.
        return [.. expired.Select(m => m with { Content = "", MetadataJson = null, Deleted = true, ExpiresAt = null })];
    }

    public async Task AddScheduledAsync(ScheduledMessage scheduled)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO scheduled_messages (scheduled_id, conversation_id, sender_id, client_message_id, type, content, reply_to_seq, metadata, send_at, expires_in_seconds)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)
            """);
        command.Parameters.AddWithValue(scheduled.ScheduledId);
        command.Parameters.AddWithValue(scheduled.ConversationId);
        command.Parameters.AddWithValue(scheduled.SenderId);
        command.Parameters.AddWithValue(scheduled.ClientMessageId);
        command.Parameters.AddWithValue(scheduled.Type);
        command.Parameters.AddWithValue(scheduled.Content);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)scheduled.ReplyToSeq ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)scheduled.MetadataJson ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.AddWithValue(scheduled.SendAt.UtcDateTime);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)scheduled.ExpiresInSeconds ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The sender's waiting messages here, soonest first; or, with no sender, every due one.</summary>
    public async Task<IReadOnlyList<ScheduledMessage>> ListScheduledAsync(Guid conversationId, Guid? senderId, DateTimeOffset? dueBy)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {ScheduledColumns} FROM scheduled_messages
            WHERE conversation_id = $1 AND ($2::uuid IS NULL OR sender_id = $2) AND ($3::timestamptz IS NULL OR send_at <= $3)
            ORDER BY send_at, created_at
            """);
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)senderId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)dueBy?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var found = new List<ScheduledMessage>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(new ScheduledMessage(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetInt64(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                new DateTimeOffset(reader.GetDateTime(8), TimeSpan.Zero),
                reader.IsDBNull(9) ? null : reader.GetInt32(9)));
        }

        return found;
    }

    /// <summary>Removes waiting messages (only the sender's, when one is given); returns how many there were.</summary>
    public async Task<int> RemoveScheduledAsync(Guid conversationId, IReadOnlyCollection<Guid> scheduledIds, Guid? senderId)
    {
        await using var command = dataSource.CreateCommand(
            "DELETE FROM scheduled_messages WHERE conversation_id = $1 AND scheduled_id = ANY($2) AND ($3::uuid IS NULL OR sender_id = $3)");
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.AddWithValue(scheduledIds.ToArray());
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)senderId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The soonest moment this conversation has something to do: a message to empty or one to send.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(Guid conversationId)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT least(
                (SELECT min(expires_at) FROM messages WHERE conversation_id = $1 AND expires_at IS NOT NULL AND deleted_at IS NULL),
                (SELECT min(send_at) FROM scheduled_messages WHERE conversation_id = $1))
            """);
        command.Parameters.AddWithValue(conversationId);
        var value = await command.ExecuteScalarAsync();
        return value is DateTime due ? new DateTimeOffset(due, TimeSpan.Zero) : null;
    }
}
