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

    public const string JwtKey = "test-signing-key-0123456789-0123456789-abcdef";

    public static string PostgresHost => new NpgsqlConnectionStringBuilder(PostgresAdmin).Host!;

    public static int PostgresPort => new NpgsqlConnectionStringBuilder(PostgresAdmin).Port;
}
