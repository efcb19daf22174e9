using Orleans.TestingHost;

namespace Chat.Tests.Infrastructure;

/// <summary>
/// A real multi-silo Orleans cluster for tests: Redis membership, Postgres state in a database of
/// its own, memory streams. Each instance has its own cluster and service id, so fixtures run in parallel.
/// </summary>
public sealed class GridCluster : IAsyncDisposable
{
    private GridCluster(TestCluster cluster, TestDatabase database, string clusterId)
    {
        Cluster = cluster;
        Database = database;
        ClusterId = clusterId;
    }

    public TestCluster Cluster { get; }

    public TestDatabase Database { get; }

    public string ClusterId { get; }

    public IClusterClient Client => Cluster.Client;

    /// <summary>Signs up a person straight through the directory grain, for tests that talk to grains (groups take only real accounts).</summary>
    public async Task<Guid> NewAccountAsync()
    {
        var name = "g" + Guid.NewGuid().ToString("N")[..12];
        var session = await Client.GetGrain<Chat.Accounts.IAccountDirectoryGrain>(0)
            .RegisterAsync(new Chat.Accounts.Registration(name, $"{name}@example.test", "a-long-test-password", null), "test");
        return session.UserId;
    }

    /// <param name="silos">How many silos to start.</param>
    /// <param name="postgresConnectionString">Overrides where the silos reach Postgres (e.g. through a cuttable proxy).</param>
    /// <param name="siloSettings">Settings the silos get on top of the defaults (e.g. a feature switched off).</param>
    public static async Task<GridCluster> StartAsync(int silos = 2, Func<TestDatabase, string>? postgresConnectionString = null,
        IReadOnlyDictionary<string, string?>? siloSettings = null)
    {
        var database = await TestDatabase.CreateAsync();
        var clusterId = $"test-{Guid.NewGuid():N}";
        var builder = new TestClusterBuilder((short)silos);
        builder.Options.ClusterId = clusterId;
        builder.Options.ServiceId = clusterId;
        builder.Options.UseTestClusterMembership = false;
        // Frontends join as separate clients over real sockets, as in production.
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        foreach (var (key, value) in Settings(clusterId, postgresConnectionString?.Invoke(database) ?? database.ConnectionString)
            .Concat(siloSettings ?? new Dictionary<string, string?>()))
        {
            builder.Properties[key] = value;
        }

        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GridCluster(cluster, database, clusterId);
    }

    /// <summary>Where the test Frontends' email links point (<c>Email:LinkBaseUrl</c>), whatever host a request names.</summary>
    public const string EmailLinkBase = "http://chat.test.invalid";

    /// <summary>The configuration a Frontend or silo needs to join this cluster.</summary>
    public Dictionary<string, string?> FrontendSettings(string? postgresConnectionString = null) =>
        Settings(ClusterId, postgresConnectionString ?? Database.ConnectionString);

    private static Dictionary<string, string?> Settings(string clusterId, string postgres) => new(TestEnvironment.StorageSettings)
    {
        ["Postgres:ConnectionString"] = postgres,
        ["Redis:ConnectionString"] = TestEnvironment.Redis,
        ["Orleans:ClusterId"] = clusterId,
        ["Orleans:ServiceId"] = clusterId,
        ["Jwt:SigningKeys:0"] = TestEnvironment.JwtKey,
        ["Frontend:CoHostSilo"] = "false",
        ["Email:LinkBaseUrl"] = EmailLinkBase,
        // Every test client comes from 127.0.0.1; the per-address limit has a test of its own.
        ["Frontend:AuthRequestsPerMinutePerIp"] = "100000",
        ["Turn:Secret"] = Environment.GetEnvironmentVariable("CHAT_TEST_TURN_SECRET") ?? "dev-turn-secret-change-me",
        ["Turn:Urls:0"] = "turn:127.0.0.1:3478?transport=udp",
        ["Turn:Urls:1"] = "turn:127.0.0.1:3478?transport=tcp",
        ["Turn:StunUrls:0"] = "stun:127.0.0.1:3478",
        // A failed preview is retried within a second, not minutes, so the give-up test stays short.
        ["Files:PreviewRetryBase"] = "00:00:00.100",
    };

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }
}
