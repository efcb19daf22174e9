using Chat.Accounts;
using Chat.Errors;
using Chat.Frontend.Auth;
using System.Security.Claims;

namespace Chat.Frontend.Users;

/// <summary><c>/api/users</c>: one's own profile and finding people by username.</summary>
public static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").RequireAuthorization();
        users.MapGet("/me", GetMeAsync);
        users.MapGet("/by-username/{username}", FindByUsernameAsync);
    }

    private static async Task<IResult> GetMeAsync(ClaimsPrincipal user, IClusterClient cluster)
    {
        var profiles = await cluster.Reference<IAccountDirectoryGrain>(0).GetProfilesAsync([user.UserId()]);
        return profiles.Count == 1 ? TypedResults.Ok(profiles[0]) : throw ChatException.NotFound("account not found");
    }

    private static async Task<IResult> FindByUsernameAsync(string username, IClusterClient cluster)
    {
        var profile = await cluster.Reference<IAccountDirectoryGrain>(0).FindByUsernameAsync(username)
            ?? throw ChatException.NotFound("no user with that username");
        return TypedResults.Ok(profile with { Email = null });
    }
}
