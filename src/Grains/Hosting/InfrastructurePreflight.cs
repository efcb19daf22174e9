using Npgsql;
using StackExchange.Redis;

namespace Chat.Hosting;

/// <summary>
/// Reaches Postgres and Redis once before start-up so that a wrong password or address stops the
/// process with one line naming the setting, instead of a retry loop or a stack trace.
/// </summary>
public static class InfrastructurePreflight
{
    public static async Task CheckAsync(GridSettings settings, CancellationToken cancellationToken = default)
    {
        await CheckPostgresAsync(settings.Postgres.ConnectionString, cancellationToken);
        await CheckRedisAsync(settings.Redis.ConnectionString);
    }

    private static async Task CheckPostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            throw new StartupException($"Postgres:ConnectionString: cannot connect: {OneLine(ex)}", ex);
        }
    }

    private static async Task CheckRedisAsync(string connectionString)
    {
        try
        {
            var options = ConfigurationOptions.Parse(connectionString);
            options.ConnectTimeout = 5000;
            options.AbortOnConnectFail = true;
            await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
            await redis.GetDatabase().PingAsync();
        }
        catch (Exception ex) when (ex is RedisException or ArgumentException)
        {
            throw new StartupException($"Redis:ConnectionString: cannot connect: {OneLine(ex)}", ex);
        }
    }

    private static string OneLine(Exception ex) => ex.Message.ReplaceLineEndings(" ").Trim();
}
