using System.Security.Claims;
using Chat.Conversations;
using Chat.Files.Attachments;
using Chat.Frontend.Auth;
using Chat.Frontend.Errors;

namespace Chat.Frontend.Files;

/// <summary><c>GET /api/conversations/{id}/files</c>: a conversation's files tab, newest first (members only).</summary>
public static class ConversationFilesEndpoints
{
    public static void MapConversationFilesEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/conversations/{conversationId:guid}/files", ListAsync).RequireAuthorization();

    private static async Task<IResult> ListAsync(
        Guid conversationId, string? type, long? before, int? limit, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (type is not null && !ListedFileKinds.IsKnown(type))
        {
            return Problems.BadRequest("type must be image, video, audio or document");
        }

        var pageSize = limit ?? AttachmentLimits.DefaultFilesPageSize;
        if (pageSize is < 1 or > AttachmentLimits.MaxFilesPageSize)
        {
            return Problems.BadRequest($"limit must be 1 to {AttachmentLimits.MaxFilesPageSize}");
        }

        if (before is < 1)
        {
            return Problems.BadRequest("before must be positive");
        }

        var page = await cluster.Reference<IConversationGrain>(conversationId).GetFilesAsync(user.UserId(), type, before, pageSize);
        return TypedResults.Ok(ConversationFilesBody.From(page));
    }
}
