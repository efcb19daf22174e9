using Npgsql;

namespace Chat.Tests.Infrastructure;

/// <summary>Where the real Postgres and Redis the tests use are (set by scripts/test.sh; defaults match scripts/deps-up.sh).</summary>
public static class TestEnvironment
{
    public static string PostgresAdmin { get; } =
        Environment.GetEnvironmentVariable("CHAT_TEST_POSTGRES") is { Length: > 0 } pg
            ? pg
            : "Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres;Database=postgres";

    public static string Redis { get; } =
        Environment.GetEnvironmentVariable("CHAT_TEST_REDIS") is { Length: > 0 } redis ? redis : "127.0.0.1:56379";

    /// <summary>host:port of the S3 endpoint (s3rver locally, key and secret S3RVER, bucket chat-files).</summary>
    public static string S3 { get; } =
        Environment.GetEnvironmentVariable("CHAT_TEST_S3") is { Length: > 0 } s3 ? s3 : "127.0.0.1:59000";

    /// <summary>The <c>Storage</c> settings every test silo and Frontend gets.</summary>
    public static IReadOnlyDictionary<string, string?> StorageSettings { get; } = new Dictionary<string, string?>
    {
        ["Storage:Endpoint"] = S3,
        ["Storage:AccessKey"] = "S3RVER",
        ["Storage:SecretKey"] = "S3RVER",
        ["Storage:Bucket"] = "chat-files",
        ["Storage:UseSsl"] = "false",
    };

    public const string JwtKey = "test-signing-key-0123456789-0123456789-abcdef";

    public static string PostgresHost => new NpgsqlConnectionStringBuilder(PostgresAdmin).Host!;

    public static int PostgresPort => new NpgsqlConnectionStringBuilder(PostgresAdmin).Port;
}
