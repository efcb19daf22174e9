using Chat.Errors;

namespace Chat.Search.Query;

/// <summary>The checks a search request passes before any SQL: the page size, the sort, the time zone and the query itself.</summary>
public static class SearchRequestRules
{
    public static (QueryNode Query, TimeZoneInfo Zone) Validate(MessageSearchRequest request)
    {
        if (request.Limit is < 1 or > SearchLimits.MaxPageSize)
        {
            throw ChatException.BadRequest($"limit must be 1 to {SearchLimits.MaxPageSize}");
        }

        if (!MessageSearchSorts.IsKnown(request.Sort))
        {
            throw ChatException.BadRequest("sort must be relevance or date");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out var zone))
        {
            throw ChatException.BadRequest($"unknown timeZone '{request.TimeZone}'");
        }

        try
        {
            return (QueryParser.Parse(request.Query), zone);
        }
        catch (QuerySyntaxException refused)
        {
            throw ChatException.BadRequest(refused.Message);
        }
    }
}
