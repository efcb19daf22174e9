using System.Diagnostics;
using System.Text;
using Chat.Search;
using Chat.Search.Query;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Chat.SearchCorpus;

/// <summary>
/// Runs the query mix (bench_queries) for the probe user through the real engine
/// (<see cref="MessageSearchEngine"/>, first pages of 20), timing each call from the caller's side,
/// and reports p50/p95/p99 per class; then EXPLAIN ANALYZEs the slowest query of the slowest class,
/// caught with auto_explain (sent back as a NOTICE) so the plan is the engine's very statement.
/// </summary>
internal sealed class LatencyBench(string connectionString, int rounds, TextWriter output)
{
    public async Task RunAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var probe = await ProbeAsync(dataSource);
        var queries = await BenchQueries.LoadAsync(dataSource);
        var engine = new MessageSearchEngine(dataSource);
        output.WriteLine($"probe {probe}: {await CountAsync(dataSource, probe)} searchable messages in its conversations; {queries.Count} queries, {rounds} rounds");

        // One untimed pass: the first touch of each page of the indexes is disk, the rest is the steady state.
        foreach (var query in queries)
        {
            await engine.SearchAsync(probe, Request(query));
        }

        var timings = new Dictionary<string, List<(double Ms, string Query, int Hits)>>();
        var order = new Random(5);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var query in queries.OrderBy(_ => order.Next()))
            {
                var clock = Stopwatch.StartNew();
                var page = await engine.SearchAsync(probe, Request(query));
                var ms = clock.Elapsed.TotalMilliseconds;
                (timings.TryGetValue(query.Class, out var list) ? list : timings[query.Class] = []).Add((ms, query.Query, page.Hits.Count));
            }
        }

        output.WriteLine();
        output.WriteLine("| class | queries × rounds | p50 | p95 | p99 | max | median hits (of 20) |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, list) in timings.OrderBy(t => t.Key))
        {
            var sorted = list.Select(t => t.Ms).Order().ToArray();
            var hits = list.Select(t => t.Hits).Order().ToArray();
            output.WriteLine($"| {name} | {list.Count / rounds} × {rounds} | {Percentile(sorted, 0.50):N1} ms | {Percentile(sorted, 0.95):N1} ms | {Percentile(sorted, 0.99):N1} ms | {sorted[^1]:N1} ms | {hits[hits.Length / 2]} |");
        }

        var all = timings.Values.SelectMany(l => l.Select(t => t.Ms)).Order().ToArray();
        output.WriteLine($"| **all** | {all.Length / rounds} × {rounds} | {Percentile(all, 0.50):N1} ms | {Percentile(all, 0.95):N1} ms | {Percentile(all, 0.99):N1} ms | {all[^1]:N1} ms | |");

        output.WriteLine();
        foreach (var (name, list) in timings.OrderByDescending(t => Percentile([.. t.Value.Select(v => v.Ms).Order()], 0.95)).Take(2))
        {
            var slowest = list.OrderByDescending(t => t.Ms).First();
            var query = queries.First(q => q.Class == name && q.Query == slowest.Query);
            output.WriteLine($"Slowest of class '{name}': {query.Query} (sort {query.Sort}), {slowest.Ms:N1} ms:");
            output.WriteLine(await ExplainAsync(probe, query));
        }
    }

    private async Task<string> ExplainAsync(Guid probe, (string Class, string Query, string Sort) query)
    {
        // Startup options, not SETs: the pool's reset on close (DISCARD ALL) returns to these. Npgsql
        // logs each NOTICE it receives, which is where the plans are caught.
        var builder = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString)
        {
            Options = "-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 -c auto_explain.log_analyze=on "
                + "-c auto_explain.log_buffers=on -c auto_explain.log_level=notice -c client_min_messages=notice",
        }.ConnectionString);
        var notices = new NoticeCapture();
        builder.UseLoggerFactory(new LoggerFactory([notices]));
        await using var explaining = builder.Build();
        await new MessageSearchEngine(explaining).SearchAsync(probe, Request(query));
        return notices.Text;
    }

    private static MessageSearchRequest Request((string Class, string Query, string Sort) query) =>
        new(query.Query, query.Sort, 20);

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task<Guid> ProbeAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT user_id FROM accounts WHERE username_key = $1");
        command.Parameters.AddWithValue(CorpusShape.ProbeUsername);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, Guid probe)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM message_search s JOIN conversation_members m ON m.conversation_id = s.conversation_id WHERE m.user_id = $1");
        command.Parameters.AddWithValue(probe);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
