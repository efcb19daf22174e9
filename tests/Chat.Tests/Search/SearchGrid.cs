using Chat.Tests.Infrastructure;

namespace Chat.Tests.Search;

/// <summary>
/// The search tests' cluster: two silos (each runs a search indexer; they take turns under the
/// advisory lock) and two Frontends, on the real Postgres, Redis and S3. Every search test class
/// joins <see cref="SearchCollection"/> instead of starting a cluster of its own.
/// </summary>
public sealed class SearchGrid : GridWithFrontends
{
    /// <summary>The message_search row of a message, or null when it has none.</summary>
    public async Task<IndexRow?> IndexRowAsync(Guid conversationId, long seq)
    {
        await using var dataSource = Grid.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand(
            "SELECT sender_id, sent_at, expires_at, kinds, document::text, body FROM message_search WHERE conversation_id = $1 AND seq = $2");
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.AddWithValue(seq);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new IndexRow(reader.GetGuid(0), reader.GetDateTime(1), reader.IsDBNull(2) ? null : reader.GetDateTime(2),
                (Chat.Search.SearchKinds)reader.GetInt16(3), reader.GetString(4), reader.GetString(5))
            : null;
    }

    /// <summary>
    /// Waits until the message's index row satisfies <paramref name="done"/> (null: no row). The indexer
    /// announces nothing, so this polls, with a deadline well past its 250 ms idle wait.
    /// </summary>
    public async Task<IndexRow?> IndexedAsync(Guid conversationId, long seq, Func<IndexRow?, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var row = await IndexRowAsync(conversationId, seq);
            if (done(row))
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < deadline, $"index row of {conversationId}/{seq} not as expected in time; last: {row?.ToString() ?? "none"}");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the message's index row to exist.</summary>
    public async Task<IndexRow> IndexedAsync(Guid conversationId, long seq) => (await IndexedAsync(conversationId, seq, row => row is not null))!;

    public async Task<long> ScalarAsync(string sql, params object[] parameters)
    {
        await using var dataSource = Grid.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}

/// <summary>A message_search row as the tests read it (<see cref="Document"/> is the tsvector's text form).</summary>
public sealed record IndexRow(Guid SenderId, DateTime SentAt, DateTime? ExpiresAt, Chat.Search.SearchKinds Kinds, string Document, string Body);

[CollectionDefinition(Name)]
public sealed class SearchCollection : ICollectionFixture<SearchGrid>
{
    public const string Name = "search";
}
