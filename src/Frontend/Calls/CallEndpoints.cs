using System.Security.Claims;
using Chat.Calls;
using Chat.Frontend.Auth;
using Chat.Frontend.Errors;
using Chat.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.Frontend.Calls;

/// <summary><c>/api/calls</c>: one call, the caller's call history, and ICE servers with fresh TURN credentials.</summary>
public static class CallEndpoints
{
    public static void MapCallEndpoints(this IEndpointRouteBuilder app)
    {
        // Bound here so a TURN URL without a secret stops the start-up, not the first call.
        var turn = app.ServiceProvider.GetRequiredService<IConfiguration>().BindRequired<TurnSettings>(TurnSettings.Section);
        var calls = app.MapGroup("/api/calls").RequireAuthorization();
        calls.MapGet("/ice-servers", (ClaimsPrincipal user) => GetIceServers(user, turn, TimeProvider.System));
        calls.MapGet("/history", GetHistoryAsync);
        calls.MapGet("/{callId:guid}", GetAsync);
    }

    private static async Task<IResult> GetAsync(Guid callId, ClaimsPrincipal user, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.Reference<ICallGrain>(callId).GetAsync(user.UserId()));

    private static async Task<IResult> GetHistoryAsync(DateTimeOffset? before, int? limit, ClaimsPrincipal user, IClusterClient cluster)
    {
        var pageSize = limit ?? Limits.DefaultHistoryPageSize;
        if (pageSize is < 1 or > Limits.MaxCallHistoryPageSize)
        {
            return Problems.BadRequest($"limit must be 1 to {Limits.MaxCallHistoryPageSize}");
        }

        return TypedResults.Ok(await cluster.Reference<ICallHistoryGrain>(0).ListAsync(user.UserId(), before?.ToUniversalTime(), pageSize));
    }

    private static Ok<IceServersResponse> GetIceServers(ClaimsPrincipal user, TurnSettings turn, TimeProvider time)
    {
        var lifetime = TimeSpan.FromMinutes(turn.CredentialLifetimeMinutes);
        var servers = new List<IceServer>();
        if (turn.StunUrls.Length > 0)
        {
            servers.Add(new IceServer(turn.StunUrls));
        }

        if (turn.Urls.Length > 0)
        {
            var username = TurnCredentials.Username(time.GetUtcNow() + lifetime, user.UserId());
            servers.Add(new IceServer(turn.Urls, username, TurnCredentials.Password(turn.Secret!, username)));
        }

        return TypedResults.Ok(new IceServersResponse(servers, (int)lifetime.TotalSeconds));
    }
}
