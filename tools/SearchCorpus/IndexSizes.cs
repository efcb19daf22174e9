using Npgsql;

namespace Chat.SearchCorpus;

/// <summary>What the index costs on disk: message_search's heap (with TOAST), each of its indexes, and the queue, per message.</summary>
internal static class IndexSizes
{
    public static async Task ReportAsync(string connectionString, TextWriter output)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var messages = await ScalarAsync(dataSource, "SELECT count(*) FROM messages");
        var rows = await ScalarAsync(dataSource, "SELECT count(*) FROM message_search");
        output.WriteLine($"{messages:N0} messages, {rows:N0} message_search rows");
        output.WriteLine();
        output.WriteLine("| relation | size | bytes per message |");
        output.WriteLine("|---|---|---|");
        await using var command = dataSource.CreateCommand("""
            SELECT 'message_search (heap + TOAST)', pg_table_size('message_search')
            UNION ALL SELECT indexrelid::regclass::text, pg_relation_size(indexrelid) FROM pg_index WHERE indrelid = 'message_search'::regclass
            UNION ALL SELECT 'search_index_queue (with its index)', pg_total_relation_size('search_index_queue')
            UNION ALL SELECT '**total**', pg_total_relation_size('message_search') + pg_total_relation_size('search_index_queue')
            UNION ALL SELECT 'for comparison: messages (heap + TOAST + indexes)', pg_total_relation_size('messages')
            """);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var bytes = reader.GetInt64(1);
            output.WriteLine($"| {reader.GetString(0)} | {bytes / 1024.0 / 1024.0:N0} MB | {(double)bytes / messages:N0} |");
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
