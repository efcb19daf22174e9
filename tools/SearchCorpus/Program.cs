using Chat.SearchCorpus;

// dotnet run --project tools/SearchCorpus -c Release -- generate | latency | sizes  (options: --help)
// (docs/benchmarks.md "Search" has the whole procedure.)
var mode = args.Length > 0 ? args[0] : "help";
string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

var connection = Option("connection", "Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres;Database=postgres");
var database = Option("database", "search_bench");
string DatabaseConnection() => new Npgsql.NpgsqlConnectionStringBuilder(connection) { Database = database, CommandTimeout = 0 }.ConnectionString;
switch (mode)
{
    case "generate":
        var shape = new CorpusShape(
            Messages: long.Parse(Option("messages", "10000000")),
            Conversations: int.Parse(Option("conversations", "100000")),
            Users: int.Parse(Option("users", "50000")),
            Seed: int.Parse(Option("seed", "17")));
        await new CorpusLoader(connection, database, shape, Console.Out).RunAsync();
        return 0;
    case "latency":
        await new LatencyBench(DatabaseConnection(), int.Parse(Option("rounds", "5")), Console.Out).RunAsync();
        return 0;
    case "sizes":
        await IndexSizes.ReportAsync(DatabaseConnection(), Console.Out);
        return 0;
    default:
        Console.Error.WriteLine("""
            usage: Chat.SearchCorpus generate [--connection CS] [--database NAME] [--messages N] [--conversations N] [--users N] [--seed N]
                   Chat.SearchCorpus latency  [--connection CS] [--database NAME] [--rounds N]
                   Chat.SearchCorpus sizes    [--connection CS] [--database NAME]
            """);
        return 2;
}
