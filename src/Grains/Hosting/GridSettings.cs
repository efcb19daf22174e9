using Microsoft.Extensions.Configuration;

namespace Chat.Hosting;

/// <summary>The settings every silo and client needs, read and validated once at start.</summary>
public sealed record GridSettings(PostgresSettings Postgres, RedisSettings Redis, ClusterSettings Cluster)
{
    public static GridSettings Read(IConfiguration configuration) => new(
        configuration.BindRequired<PostgresSettings>(PostgresSettings.Section),
        configuration.BindRequired<RedisSettings>(RedisSettings.Section),
        configuration.BindRequired<ClusterSettings>(ClusterSettings.Section));
}
