using Npgsql;

namespace Chat.Search.Query;

/// <summary>
/// The conversations a search reads: the caller's memberships (subscriptions included) as they are
/// when the search starts, so a removal that has answered is seen by the next search.
/// </summary>
internal static class SearchedConversations
{
    /// <summary>Every conversation of <paramref name="userId"/>, or only <paramref name="only"/> if they are a member of it (else none).</summary>
    public static async Task<Guid[]> ReadAsync(NpgsqlDataSource dataSource, Guid userId, Guid? only, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT conversation_id FROM conversation_members WHERE user_id = $1 AND ($2::uuid IS NULL OR conversation_id = $2)");
        command.Parameters.AddWithValue(userId);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)only ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return [.. ids];
    }
}
