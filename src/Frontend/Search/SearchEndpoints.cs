using System.Security.Claims;
using Chat.Errors;
using Chat.Frontend.Auth;
using Chat.Frontend.Errors;
using Chat.Search;
using Chat.Search.Query;

namespace Chat.Frontend.Search;

/// <summary>
/// Message and file search and the search history (docs/protocol.md, "Search"). The query is parsed
/// here first so a malformed one is answered with its <c>position</c>; the grain parses it again as its
/// own invariant.
/// </summary>
public static class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var search = app.MapGroup("/api/search").RequireAuthorization();
        search.MapGet("/messages", (string? q, string? sort, int? limit, string? cursor, string? timeZone, ClaimsPrincipal user, IClusterClient cluster) =>
            SearchMessagesAsync(null, q, sort, limit, cursor, timeZone, user, cluster));
        search.MapGet("/files", SearchFilesAsync);
        search.MapGet("/history", ListHistoryAsync);
        search.MapDelete("/history", ClearHistoryAsync);
        app.MapGet("/api/conversations/{conversationId:guid}/search",
            (Guid conversationId, string? q, string? sort, int? limit, string? cursor, string? timeZone, ClaimsPrincipal user, IClusterClient cluster) =>
                SearchMessagesAsync(conversationId, q, sort, limit, cursor, timeZone, user, cluster)).RequireAuthorization();
    }

    private static async Task<IResult> SearchMessagesAsync(
        Guid? conversationId, string? q, string? sort, int? limit, string? cursor, string? timeZone, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (Refusal(q, limit) is { } refused)
        {
            return refused;
        }

        if (sort is not null && !MessageSearchSorts.IsKnown(sort))
        {
            return Problems.BadRequest("sort must be relevance or date");
        }

        var request = new MessageSearchRequest(q!, sort ?? MessageSearchSorts.Relevance, limit ?? SearchLimits.DefaultPageSize, cursor, timeZone ?? "UTC", conversationId);
        var page = await Grain(cluster).SearchMessagesAsync(user.UserId(), request);
        return TypedResults.Ok(page);
    }

    private static async Task<IResult> SearchFilesAsync(string? q, int? limit, string? cursor, string? timeZone, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (Refusal(q, limit) is { } refused)
        {
            return refused;
        }

        var request = new MessageSearchRequest(q!, MessageSearchSorts.Date, limit ?? SearchLimits.DefaultPageSize, cursor, timeZone ?? "UTC");
        var page = await Grain(cluster).SearchFilesAsync(user.UserId(), request);
        return TypedResults.Ok(new
        {
            hits = page.Hits.Select(h => new { h.ConversationId, h.Seq, h.SenderId, h.SentAt, file = Chat.Files.FileBody.From(h.File), h.Highlights }),
            page.NextCursor,
        });
    }

    private static async Task<IResult> ListHistoryAsync(ClaimsPrincipal user, IClusterClient cluster) =>
        TypedResults.Ok(await Grain(cluster).ListHistoryAsync(user.UserId()));

    private static async Task<IResult> ClearHistoryAsync(ClaimsPrincipal user, IClusterClient cluster)
    {
        await Grain(cluster).ClearHistoryAsync(user.UserId());
        return TypedResults.NoContent();
    }

    private static IResult? Refusal(string? q, int? limit)
    {
        if (limit is < 1 or > SearchLimits.MaxPageSize)
        {
            return Problems.BadRequest($"limit must be 1 to {SearchLimits.MaxPageSize}");
        }

        try
        {
            QueryParser.Parse(q);
            return null;
        }
        catch (QuerySyntaxException malformed)
        {
            var problem = Problems.Create(ErrorCodes.BadRequest, StatusCodes.Status400BadRequest, malformed.Message);
            if (malformed.Position is { } position)
            {
                problem.Extensions["position"] = position;
            }

            return TypedResults.Problem(problem);
        }
    }

    private static IMessageSearchGrain Grain(IClusterClient cluster) => cluster.GetGrain<IMessageSearchGrain>(0);
}
