using System.Security.Claims;
using System.Text.Json;
using Chat.Accounts;
using Chat.Frontend.Auth;
using Chat.Frontend.Errors;

namespace Chat.Frontend.Users;

/// <summary><c>/api/users</c>: one's own profile and privacy settings, and other users' public profiles.</summary>
public static class ProfileEndpoints
{
    public static void MapProfileEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").RequireAuthorization();
        users.MapGet("/me/profile", GetOwnProfileAsync);
        users.MapPatch("/me/profile", UpdateProfileAsync);
        users.MapGet("/me/privacy", GetPrivacyAsync);
        users.MapPut("/me/privacy", SetPrivacyAsync);
        users.MapGet("/{userId}", GetPublicProfileAsync);
    }

    private static async Task<IResult> GetOwnProfileAsync(ClaimsPrincipal user, IClusterClient cluster) =>
        TypedResults.Ok(await Me(cluster, user).GetProfileAsync());

    private static async Task<IResult> UpdateProfileAsync(UpdateProfileRequest? request, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (request is null)
        {
            return Problems.BadRequest("a JSON body is required");
        }

        var (changeAvatar, avatarFileId) = request.AvatarFileId.ValueKind switch
        {
            JsonValueKind.Undefined => (false, null),
            JsonValueKind.Null => (true, (Guid?)null),
            JsonValueKind.String when request.AvatarFileId.TryGetGuid(out var id) && id != Guid.Empty => (true, id),
            _ => (true, Guid.Empty),
        };
        var change = new ProfileChange(request.DisplayName, request.Bio, request.StatusText, changeAvatar, avatarFileId);
        ProfileRules.Validate(change);
        return TypedResults.Ok(await Me(cluster, user).UpdateProfileAsync(change));
    }

    private static async Task<IResult> GetPrivacyAsync(ClaimsPrincipal user, IClusterClient cluster) =>
        TypedResults.Ok(await Me(cluster, user).GetPrivacyAsync());

    private static async Task<IResult> SetPrivacyAsync(PrivacyRequest? request, ClaimsPrincipal user, IClusterClient cluster)
    {
        var settings = new PrivacySettings(request?.LastSeen!, request?.ProfilePhoto!, request?.ReadReceipts!)
        {
            GroupAdds = request?.GroupAdds,
            FindByEmail = request?.FindByEmail,
            FindByPhone = request?.FindByPhone,
        };
        ProfileRules.Validate(settings);
        return TypedResults.Ok(await Me(cluster, user).SetPrivacyAsync(settings));
    }

    private static async Task<IResult> GetPublicProfileAsync(string userId, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (!Guid.TryParse(userId, out var id))
        {
            return Problems.BadRequest("userId must be a UUID");
        }

        return TypedResults.Ok(await cluster.Reference<IUserGrain>(id).GetPublicProfileAsync(user.UserId()));
    }

    private static IUserGrain Me(IClusterClient cluster, ClaimsPrincipal user) => cluster.Reference<IUserGrain>(user.UserId());
}
