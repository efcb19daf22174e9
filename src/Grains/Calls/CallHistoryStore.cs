using Npgsql;

namespace Chat.Calls;

/// <summary>The <c>call_history</c> table: written once when a call finishes, read per user newest first.</summary>
internal sealed class CallHistoryStore(NpgsqlDataSource dataSource)
{
    /// <summary>Stores one row per user; a retry after a failover writes nothing twice.</summary>
    public async Task RecordAsync(CallHistoryEntry call, IReadOnlyList<(Guid UserId, bool Missed)> users)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO call_history (user_id, call_id, conversation_id, caller_id, video, outcome, missed,
                                      started_at, answered_at, ended_at, duration_seconds, participant_ids)
            SELECT u, $2, $3, $4, $5, $6, m, $7::timestamptz, $8::timestamptz, $9::timestamptz, $10, $11::uuid[]
            FROM unnest($1::uuid[], $12::boolean[]) AS t(u, m)
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.AddWithValue(users.Select(u => u.UserId).ToArray());
        command.Parameters.AddWithValue(call.CallId);
        command.Parameters.AddWithValue(call.ConversationId);
        command.Parameters.AddWithValue(call.CallerId);
        command.Parameters.AddWithValue(call.Video);
        command.Parameters.AddWithValue(call.Outcome);
        command.Parameters.AddWithValue(call.StartedAt);
        command.Parameters.AddWithValue(call.AnsweredAt is { } answered ? answered : DBNull.Value);
        command.Parameters.AddWithValue(call.EndedAt);
        command.Parameters.AddWithValue(call.DurationSeconds);
        command.Parameters.AddWithValue(call.ParticipantIds.ToArray());
        command.Parameters.AddWithValue(users.Select(u => u.Missed).ToArray());
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<CallHistoryEntry>> ListAsync(Guid userId, DateTimeOffset? before, int limit)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT call_id, conversation_id, caller_id, video, outcome, missed, started_at, answered_at, ended_at,
                   duration_seconds, participant_ids
            FROM call_history
            WHERE user_id = $1 AND ($2::timestamptz IS NULL OR started_at < $2::timestamptz)
            ORDER BY started_at DESC
            LIMIT $3
            """);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(before is { } b ? b : DBNull.Value);
        command.Parameters.AddWithValue(limit);
        var entries = new List<CallHistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new CallHistoryEntry(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetBoolean(3), reader.GetString(4), reader.GetBoolean(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.GetFieldValue<DateTimeOffset>(8), reader.GetInt32(9), reader.GetFieldValue<Guid[]>(10)));
        }

        return entries;
    }
}
