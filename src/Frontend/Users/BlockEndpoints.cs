using System.Security.Claims;
using Chat.Accounts;
using Chat.Frontend.Auth;
using Chat.Frontend.Errors;

namespace Chat.Frontend.Users;

/// <summary><c>/api/users/me/blocks</c>: the caller's block list.</summary>
public static class BlockEndpoints
{
    public static void MapBlockEndpoints(this IEndpointRouteBuilder app)
    {
        var blocks = app.MapGroup("/api/users/me/blocks").RequireAuthorization();
        blocks.MapGet("/", ListAsync);
        blocks.MapPost("/{userId}", BlockAsync);
        blocks.MapDelete("/{userId}", UnblockAsync);
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, IClusterClient cluster)
    {
        var blocked = await cluster.Reference<IUserGrain>(user.UserId()).GetBlockedAsync();
        var profiles = blocked.Count == 0 ? [] : await cluster.Reference<IAccountDirectoryGrain>(0).GetProfilesAsync(blocked);
        return TypedResults.Ok(profiles.OrderBy(p => p.Username, StringComparer.Ordinal)
            .Select(p => new BlockedUserResponse(p.UserId, p.Username, p.DisplayName)));
    }

    private static async Task<IResult> BlockAsync(string userId, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (!Guid.TryParse(userId, out var other))
        {
            return Problems.BadRequest("userId must be a UUID");
        }

        await cluster.Reference<IUserGrain>(user.UserId()).BlockAsync(other);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> UnblockAsync(string userId, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (!Guid.TryParse(userId, out var other))
        {
            return Problems.BadRequest("userId must be a UUID");
        }

        await cluster.Reference<IUserGrain>(user.UserId()).UnblockAsync(other);
        return TypedResults.NoContent();
    }
}
