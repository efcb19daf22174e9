using System.Security.Claims;
using Chat.Accounts;
using Chat.Frontend.Auth;
using Chat.Frontend.Errors;

namespace Chat.Frontend.Users;

/// <summary><c>/api/users/me/auto-reply</c>: the away message that answers direct messages.</summary>
public static class AutoReplyEndpoints
{
    public static void MapAutoReplyEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/users/me").RequireAuthorization();
        me.MapGet("/auto-reply", GetAsync);
        me.MapPut("/auto-reply", SetAsync);
    }

    private static async Task<IResult> GetAsync(ClaimsPrincipal user, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.Reference<IUserGrain>(user.UserId()).GetAutoReplyAsync());

    private static async Task<IResult> SetAsync(AutoReplyRequest? request, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (request?.Enabled is not { } enabled)
        {
            return Problems.BadRequest("enabled (true or false) is required");
        }

        // Validated by the user grain, against its clock.
        var settings = new AutoReplySettings(enabled, request.Message ?? "", request.Until);
        return TypedResults.Ok(await cluster.Reference<IUserGrain>(user.UserId()).SetAutoReplyAsync(settings));
    }
}
