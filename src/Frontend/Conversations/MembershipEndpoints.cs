using System.Security.Claims;
using Chat.Conversations;
using Chat.Frontend.Auth;
using Chat.Frontend.Errors;
using Chat.RateLimits;

namespace Chat.Frontend.Conversations;

/// <summary>Members, roles, invite links, bookmarks and muting.</summary>
public static class MembershipEndpoints
{
    public static void MapMembershipEndpoints(this IEndpointRouteBuilder app)
    {
        var conversation = app.MapGroup("/api/conversations/{conversationId:guid}").RequireAuthorization();
        conversation.MapPost("/members", AddMembersAsync);
        conversation.MapDelete("/members/{userId:guid}", RemoveMemberAsync);
        conversation.MapPut("/members/{userId:guid}/role", SetRoleAsync);
        conversation.MapPost("/invites", CreateInviteAsync);
        conversation.MapDelete("/invites/{code}", RevokeInviteAsync);
        conversation.MapPut("/messages/{seq:long}/bookmark", (Guid conversationId, long seq, ClaimsPrincipal user, IClusterClient cluster) =>
            SetBookmarkAsync(conversationId, seq, true, user, cluster));
        conversation.MapDelete("/messages/{seq:long}/bookmark", (Guid conversationId, long seq, ClaimsPrincipal user, IClusterClient cluster) =>
            SetBookmarkAsync(conversationId, seq, false, user, cluster));
        conversation.MapPut("/mute", MuteAsync);

        app.MapPost("/api/invites/{code}/join", JoinAsync).RequireAuthorization();
        app.MapGet("/api/bookmarks", ListBookmarksAsync).RequireAuthorization();
    }

    private static async Task<IResult> AddMembersAsync(Guid conversationId, AddMembersRequest? request, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (request?.UserIds is not { Count: > 0 and <= Limits.MaxCreateMemberIds } userIds)
        {
            return Problems.BadRequest($"userIds must list 1 to {Limits.MaxCreateMemberIds} users");
        }

        await KnownUsers.RequireAsync(cluster, userIds);
        await RateLimitChecks.RequireGroupAdditionAsync(cluster, user.UserId(), userIds);
        return TypedResults.Ok(await MemberNames.AddAsync(cluster, await Grain(cluster, conversationId).AddMembersAsync(user.UserId(), userIds)));
    }

    private static async Task<IResult> RemoveMemberAsync(Guid conversationId, Guid userId, ClaimsPrincipal user, IClusterClient cluster)
    {
        await Grain(cluster, conversationId).RemoveMemberAsync(user.UserId(), userId);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SetRoleAsync(Guid conversationId, Guid userId, SetRoleRequest? request, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (string.IsNullOrEmpty(request?.Role))
        {
            return Problems.BadRequest("role is required");
        }

        await Grain(cluster, conversationId).SetRoleAsync(user.UserId(), userId, request.Role);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> CreateInviteAsync(Guid conversationId, CreateInviteRequest? request, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (request is null)
        {
            return Problems.BadRequest("a JSON body {expiresAt?, maxUses?} is required; {} makes a link without limits");
        }

        var invite = await Grain(cluster, conversationId).CreateInviteAsync(user.UserId(), request.ExpiresAt, request.MaxUses);
        return TypedResults.Created($"/api/invites/{invite.Code}", invite);
    }

    private static async Task<IResult> RevokeInviteAsync(Guid conversationId, string code, ClaimsPrincipal user, IClusterClient cluster)
    {
        await Grain(cluster, conversationId).RevokeInviteAsync(user.UserId(), code);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> JoinAsync(string code, ClaimsPrincipal user, IClusterClient cluster)
    {
        // The code names its conversation before the dot; the grain checks the secret after it.
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !Guid.TryParseExact(code[..dot], "N", out var conversationId))
        {
            return Problems.Result(Chat.Errors.ErrorCodes.NotFound, "invite link is unknown, revoked, expired or used up");
        }

        return TypedResults.Ok(await MemberNames.AddAsync(cluster, await Grain(cluster, conversationId).JoinByInviteAsync(user.UserId(), code)));
    }

    private static async Task<IResult> SetBookmarkAsync(Guid conversationId, long seq, bool on, ClaimsPrincipal user, IClusterClient cluster)
    {
        await Grain(cluster, conversationId).SetBookmarkAsync(user.UserId(), seq, on);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> MuteAsync(Guid conversationId, MuteRequest? request, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (request is null)
        {
            return Problems.BadRequest("a JSON body {until} is required; until null unmutes");
        }

        await Grain(cluster, conversationId).SetMutedAsync(user.UserId(), request.Until);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ListBookmarksAsync(ClaimsPrincipal user, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.Reference<IConversationIndexGrain>(0).ListBookmarksAsync(user.UserId()));

    private static IConversationGrain Grain(IClusterClient cluster, Guid conversationId) => cluster.Reference<IConversationGrain>(conversationId);
}
