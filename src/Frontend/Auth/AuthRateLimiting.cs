using System.Threading.RateLimiting;
using Chat.Errors;
using Chat.Frontend.Errors;
using Chat.Frontend.Hosting;
using Chat.Frontend.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace Chat.Frontend.Auth;

/// <summary>
/// Per client address limit on the auth endpoints, enforced by each Frontend. The per-account
/// limit on failed logins is cluster-wide and lives in the login throttle grain.
/// </summary>
public static class AuthRateLimiting
{
    public const string Policy = "auth";

    public static void AddAuthRateLimiting(this WebApplicationBuilder builder, FrontendSettings settings)
    {
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.AuthRequestsPerMinutePerIp, Window = TimeSpan.FromMinutes(1) }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.HttpContext.Response.WriteAsJsonAsync(
                    Problems.Create(ErrorCodes.RateLimited, StatusCodes.Status429TooManyRequests, "too many requests from this address"),
                    options: null, contentType: "application/problem+json", cancellationToken);
            };
        });
    }
}
