using Npgsql;

namespace Chat.SearchCorpus;

/// <summary>The query mix, kept in the benchmark database beside the corpus it was drawn from (table bench_queries).</summary>
internal static class BenchQueries
{
    public static async Task SaveAsync(NpgsqlDataSource dataSource, IReadOnlyDictionary<string, List<(string Query, string Sort)>> classes)
    {
        await using (var create = dataSource.CreateCommand(
            "CREATE TABLE IF NOT EXISTS bench_queries (class text NOT NULL, query text NOT NULL, sort text NOT NULL); TRUNCATE bench_queries"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var rows = classes.SelectMany(c => c.Value.Select(q => (Class: c.Key, q.Query, q.Sort))).ToList();
        await using var insert = dataSource.CreateCommand("INSERT INTO bench_queries SELECT * FROM unnest($1::text[], $2::text[], $3::text[])");
        insert.Parameters.AddWithValue(rows.Select(r => r.Class).ToArray());
        insert.Parameters.AddWithValue(rows.Select(r => r.Query).ToArray());
        insert.Parameters.AddWithValue(rows.Select(r => r.Sort).ToArray());
        await insert.ExecuteNonQueryAsync();
    }

    public static async Task<List<(string Class, string Query, string Sort)>> LoadAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT class, query, sort FROM bench_queries ORDER BY class, query");
        var rows = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }
}
