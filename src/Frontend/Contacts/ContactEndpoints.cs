using System.Security.Claims;
using Chat.Conversations;
using Chat.Frontend.Conversations;
using Chat.Frontend.Auth;
using Chat.Frontend.Errors;

namespace Chat.Frontend.Contacts;

/// <summary>Message requests (<c>/api/conversations/{id}/request/{answer}</c>) and saved contacts (<c>/api/users/me/contacts/{userId}</c>).</summary>
public static class ContactEndpoints
{
    public static void MapContactEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/conversations/{conversationId:guid}/request/{answer}", AnswerRequestAsync).RequireAuthorization();
        var contacts = app.MapGroup("/api/users/me/contacts").RequireAuthorization();
        contacts.MapPut("/{userId}", (string userId, ClaimsPrincipal user, IClusterClient cluster) => SetSavedAsync(userId, true, user, cluster));
        contacts.MapDelete("/{userId}", (string userId, ClaimsPrincipal user, IClusterClient cluster) => SetSavedAsync(userId, false, user, cluster));
    }

    private static async Task<IResult> AnswerRequestAsync(Guid conversationId, string answer, ClaimsPrincipal user, IClusterClient cluster)
    {
        await cluster.Reference<IConversationGrain>(conversationId).AnswerRequestAsync(user.UserId(), answer);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SetSavedAsync(string userId, bool saved, ClaimsPrincipal user, IClusterClient cluster)
    {
        var me = user.UserId();
        if (!Guid.TryParse(userId, out var contactId) || contactId == me)
        {
            return Problems.BadRequest("userId must be the UUID of another user");
        }

        await KnownUsers.RequireAsync(cluster, [contactId]);
        await cluster.Reference<IConversationGrain>(DirectConversationId.For(me, contactId)).SetContactSavedAsync(me, contactId, saved);
        return TypedResults.NoContent();
    }
}
