using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Chat.Frontend.Health;

/// <summary>Ready only if Postgres answers a query within the probe timeout.</summary>
internal sealed class PostgresReadinessCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken).WaitAsync(HealthSetup.ProbeTimeout, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"postgres unreachable: {ex.Message.ReplaceLineEndings(" ")}");
        }
    }
}
