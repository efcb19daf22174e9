using System.Security.Claims;
using System.Text.Json;
using Chat.Conversations;
using Chat.Frontend.Auth;
using Chat.Frontend.Errors;
using Chat.RateLimits;

namespace Chat.Frontend.Conversations;

/// <summary><c>/api/conversations</c>: create, list, read one, rename, page through history, and open it around a message.</summary>
public static class ConversationEndpoints
{
    public static void MapConversationEndpoints(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/api/conversations").RequireAuthorization();
        conversations.MapPost("/", CreateAsync);
        conversations.MapGet("/", ListAsync);
        conversations.MapGet("/{conversationId:guid}", GetAsync);
        conversations.MapPatch("/{conversationId:guid}", UpdateAsync);
        conversations.MapGet("/{conversationId:guid}/messages", GetMessagesAsync);
    }

    private static async Task<IResult> CreateAsync(CreateConversationRequest? request, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (request?.Type is null || !ConversationTypes.IsKnown(request.Type))
        {
            return Problems.BadRequest("type must be direct, group or channel");
        }

        var memberIds = request.MemberIds ?? [];
        if (memberIds.Count > Limits.MaxCreateMemberIds)
        {
            return Problems.BadRequest($"at most {Limits.MaxCreateMemberIds} memberIds");
        }

        var me = user.UserId();
        var others = memberIds.Where(id => id != me).Distinct().ToList();
        if (request.Type == ConversationTypes.Direct && others.Count != 1)
        {
            return Problems.BadRequest("a direct conversation names exactly one other member");
        }

        var conversationId = request.Type == ConversationTypes.Direct ? DirectConversationId.For(me, others[0]) : Guid.NewGuid();

        await KnownUsers.RequireAsync(cluster, memberIds);
        if (request.Type != ConversationTypes.Direct)
        {
            await RateLimitChecks.RequireGroupAdditionAsync(cluster, me, others);
        }

        var info = await cluster.Reference<IConversationGrain>(conversationId)
            .CreateAsync(new ConversationCreation(me, request.Type, request.Name?.Trim(), memberIds));
        return TypedResults.Created($"/api/conversations/{info.ConversationId}", await MemberNames.AddAsync(cluster, info));
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.Reference<IConversationIndexGrain>(0).ListConversationsAsync(user.UserId()));

    private static async Task<IResult> GetAsync(Guid conversationId, ClaimsPrincipal user, IClusterClient cluster) =>
        TypedResults.Ok(await MemberNames.AddAsync(cluster, await cluster.Reference<IConversationGrain>(conversationId).GetAsync(user.UserId())));

    private static async Task<IResult> UpdateAsync(Guid conversationId, UpdateConversationRequest? request, ClaimsPrincipal user, IClusterClient cluster)
    {
        var changeAvatar = request?.AvatarFileId.ValueKind is not (null or JsonValueKind.Undefined);
        if (request is null || (request.Name is null && !changeAvatar))
        {
            return Problems.BadRequest("name or avatarFileId is required");
        }

        Guid? avatarFileId = null;
        if (changeAvatar && request.AvatarFileId.ValueKind != JsonValueKind.Null)
        {
            if (!(request.AvatarFileId.ValueKind == JsonValueKind.String && request.AvatarFileId.TryGetGuid(out var id) && id != Guid.Empty))
            {
                return Problems.BadRequest("avatarFileId must be a file id or null");
            }

            avatarFileId = id;
        }

        // The avatar first: its checks (the caller's own complete image) are the likelier to refuse.
        var conversation = cluster.Reference<IConversationGrain>(conversationId);
        var info = changeAvatar ? await conversation.SetAvatarAsync(user.UserId(), avatarFileId) : null;
        if (request.Name is { } name)
        {
            info = await conversation.RenameAsync(user.UserId(), name);
        }

        return TypedResults.Ok(await MemberNames.AddAsync(cluster, info!));
    }

    private static async Task<IResult> GetMessagesAsync(
        Guid conversationId, long? beforeSeq, long? afterSeq, long? aroundSeq, int? limit, ClaimsPrincipal user, IClusterClient cluster)
    {
        var pageSize = limit ?? Limits.DefaultHistoryPageSize;
        if (pageSize is < 1 or > Limits.MaxHistoryPageSize)
        {
            return Problems.BadRequest($"limit must be 1 to {Limits.MaxHistoryPageSize}");
        }

        if (beforeSeq is < 1 || afterSeq is < 0)
        {
            return Problems.BadRequest("beforeSeq must be positive and afterSeq not negative");
        }

        if (aroundSeq is not null)
        {
            if (beforeSeq is not null || afterSeq is not null)
            {
                return Problems.BadRequest("aroundSeq cannot be combined with beforeSeq or afterSeq");
            }

            if (aroundSeq < 1)
            {
                return Problems.BadRequest("aroundSeq must be positive");
            }

            return TypedResults.Ok(await cluster.Reference<IConversationGrain>(conversationId).GetMessagesAroundAsync(user.UserId(), aroundSeq.Value, pageSize));
        }

        return TypedResults.Ok(await cluster.Reference<IConversationGrain>(conversationId).GetMessagesAsync(user.UserId(), beforeSeq, afterSeq, pageSize));
    }
}
