using Chat.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chat.Frontend.Health;

/// <summary>Ready only if a silo answers a grain call.</summary>
internal sealed class ClusterReadinessCheck(IClusterClient cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var silo = await cluster.Reference<IClusterHealthGrain>(0).PingAsync().WaitAsync(HealthSetup.ProbeTimeout, cancellationToken);
            return HealthCheckResult.Healthy($"answered by {silo}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"cluster unreachable: {ex.Message.ReplaceLineEndings(" ")}");
        }
    }
}
