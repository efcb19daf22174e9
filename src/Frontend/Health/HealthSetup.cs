using System.Text.Json;
using Chat.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chat.Frontend.Health;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (Postgres, Redis and the cluster answer).</summary>
public static class HealthSetup
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private const string ReadyTag = "ready";

    public static void AddChatHealth(this WebApplicationBuilder builder, GridSettings grid)
    {
        builder.Services.AddSingleton(new RedisProbe(grid.Redis.ConnectionString));
        builder.Services.AddHealthChecks()
            .AddCheck<PostgresReadinessCheck>("postgres", tags: [ReadyTag])
            .AddCheck<RedisReadinessCheck>("redis", tags: [ReadyTag])
            .AddCheck<ClusterReadinessCheck>("cluster", tags: [ReadyTag]);
    }

    public static void MapChatHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), detail = e.Value.Description }),
        }));
    }
}
