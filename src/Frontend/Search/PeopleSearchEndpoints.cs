using System.Security.Claims;
using Chat.Frontend.Auth;
using Chat.Frontend.Errors;
using Chat.Search;

namespace Chat.Frontend.Search;

/// <summary><c>GET /api/search/people</c> and <c>GET /api/search/conversations</c>: finding someone to talk to, or a conversation of one's own, by name.</summary>
public static class PeopleSearchEndpoints
{
    public static void MapPeopleSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var search = app.MapGroup("/api/search").RequireAuthorization();
        search.MapGet("/people", FindPeopleAsync);
        search.MapGet("/conversations", FindConversationsAsync);
    }

    private static async Task<IResult> FindPeopleAsync(string? q, int? limit, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (Refusal(q, limit) is { } refusal)
        {
            return refusal;
        }

        var people = await cluster.Reference<IPeopleSearchGrain>(0).FindPeopleAsync(user.UserId(), q!, limit ?? PeopleSearchLimits.DefaultLimit);
        return TypedResults.Ok(new { people });
    }

    private static async Task<IResult> FindConversationsAsync(string? q, int? limit, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (Refusal(q, limit) is { } refusal)
        {
            return refusal;
        }

        var conversations = await cluster.Reference<IPeopleSearchGrain>(0).FindConversationsAsync(user.UserId(), q!, limit ?? PeopleSearchLimits.DefaultLimit);
        return TypedResults.Ok(new { conversations });
    }

    private static IResult? Refusal(string? q, int? limit)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > PeopleSearchLimits.MaxQueryChars)
        {
            return Problems.BadRequest($"q must be 1-{PeopleSearchLimits.MaxQueryChars} characters of text");
        }

        return limit is < 1 or > PeopleSearchLimits.MaxLimit ? Problems.BadRequest($"limit must be 1 to {PeopleSearchLimits.MaxLimit}") : null;
    }
}
