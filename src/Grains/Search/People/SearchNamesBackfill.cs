using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Chat.Search.People;

/// <summary>
/// Gives accounts from before people search (0520 left their <c>username_folded</c> null and their
/// words an SQL approximation) the exact folded forms, once, in batches, when a silo starts. Every silo
/// may run it: a row is written only while it still has no folded username and the display name read
/// is still the one stored, so a rename meanwhile (which writes its own words) is never overwritten.
/// </summary>
internal sealed partial class SearchNamesBackfill(NpgsqlDataSource dataSource, ILogger<SearchNamesBackfill> logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var total = 0;
            int read;
            while ((read = await RunBatchAsync(stoppingToken)) > 0)
            {
                total += read;
            }

            if (total > 0)
            {
                LogBackfilled(logger, total);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Search still finds these accounts by the approximation; the next start tries again.
            LogFailed(logger, ex);
        }
    }

    /// <summary>Folds one batch; the number of rows it read (0: none left).</summary>
    public async Task<int> RunBatchAsync(CancellationToken cancellationToken = default)
    {
        var ids = new List<Guid>();
        var displayNames = new List<string>();
        var folded = new List<string>();
        var words = new List<string>();
        await using (var read = dataSource.CreateCommand(
            "SELECT user_id, username, display_name FROM accounts WHERE username_folded IS NULL AND deleted_at IS NULL LIMIT $1"))
        {
            read.Parameters.AddWithValue(BatchSize);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var (username, displayName) = (reader.GetString(1), reader.GetString(2));
                ids.Add(reader.GetGuid(0));
                displayNames.Add(displayName);
                folded.Add(SearchNames.FoldUsername(username));
                words.Add(SearchNames.Tsvector(SearchNames.Words(username, displayName)));
            }
        }

        if (ids.Count == 0)
        {
            return 0;
        }

        await using var write = dataSource.CreateCommand("""
            UPDATE accounts a SET username_folded = f.folded, search_names = f.words::tsvector
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS f(user_id, display_name, folded, words)
            WHERE a.user_id = f.user_id AND a.username_folded IS NULL AND a.deleted_at IS NULL AND a.display_name = f.display_name
            """);
        write.Parameters.AddWithValue(ids.ToArray());
        write.Parameters.AddWithValue(displayNames.ToArray());
        write.Parameters.AddWithValue(folded.ToArray());
        write.Parameters.AddWithValue(words.ToArray());
        await write.ExecuteNonQueryAsync(cancellationToken);

        // Rows not written were renamed (which folds them) or deleted meanwhile: none is read again.
        return ids.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "People search: folded the names of {Count} accounts from before it")]
    private static partial void LogBackfilled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "People search: folding the names of older accounts failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
