using System.Security.Claims;
using Chat.Accounts;
using Chat.Frontend.Errors;

namespace Chat.Frontend.Auth;

/// <summary><c>/api/auth/sessions</c>: the caller's signed-in devices, and revoking one of them.</summary>
public static class SessionEndpoints
{
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/api/auth/sessions").RequireAuthorization();
        sessions.MapGet("/", ListAsync);
        sessions.MapDelete("/{sessionId}", RevokeAsync);
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, IClusterClient cluster)
    {
        var current = user.SessionId();
        var sessions = await Directory(cluster).ListSessionsAsync(user.UserId());
        return TypedResults.Ok(sessions.Select(s => new SessionResponse(s.SessionId, s.DeviceName, s.CreatedAt, s.LastUsedAt, s.SessionId == current)));
    }

    private static async Task<IResult> RevokeAsync(string sessionId, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (!Guid.TryParse(sessionId, out var id))
        {
            return Problems.BadRequest("sessionId must be a UUID");
        }

        await Directory(cluster).RevokeSessionAsync(user.UserId(), id);
        return TypedResults.NoContent();
    }

    private static IAccountDirectoryGrain Directory(IClusterClient cluster) => cluster.Reference<IAccountDirectoryGrain>(0);
}
