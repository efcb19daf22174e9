using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Chat.Frontend.Health;

/// <summary>Ready only if Redis (cluster membership) answers a ping.</summary>
internal sealed class RedisReadinessCheck(RedisProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var redis = await probe.ConnectionAsync();
            await redis.GetDatabase().PingAsync().WaitAsync(HealthSetup.ProbeTimeout, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            return HealthCheckResult.Unhealthy($"redis unreachable: {ex.Message.ReplaceLineEndings(" ")}");
        }
    }
}
