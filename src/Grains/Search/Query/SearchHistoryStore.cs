using Npgsql;

namespace Chat.Search.Query;

/// <summary>A user's last <see cref="SearchLimits.HistoryEntries"/> searches (<c>search_history</c>); the account erasure deletes them.</summary>
public sealed class SearchHistoryStore(NpgsqlDataSource dataSource)
{
    /// <summary>Records <paramref name="query"/> as the newest (a repeat moves to the top) and forgets what falls beyond the limit, in one transaction.</summary>
    public async Task RecordAsync(Guid userId, string query, CancellationToken cancellationToken = default)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            INSERT INTO search_history (user_id, query, searched_at) VALUES ($1, $2, clock_timestamp())
            ON CONFLICT (user_id, query) DO UPDATE SET searched_at = excluded.searched_at
            """) { Parameters = { new() { Value = userId }, new() { Value = query } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            DELETE FROM search_history WHERE user_id = $1 AND query NOT IN (
                SELECT query FROM search_history WHERE user_id = $1 ORDER BY searched_at DESC LIMIT $2)
            """) { Parameters = { new() { Value = userId }, new() { Value = SearchLimits.HistoryEntries } } });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SearchHistoryEntry>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT query, searched_at FROM search_history WHERE user_id = $1 ORDER BY searched_at DESC LIMIT $2");
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(SearchLimits.HistoryEntries);
        var entries = new List<SearchHistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new SearchHistoryEntry(reader.GetString(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero)));
        }

        return entries;
    }

    public async Task ClearAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM search_history WHERE user_id = $1");
        command.Parameters.AddWithValue(userId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
