namespace Chat.Search;

/// <summary>
/// A message search as the REST API takes it: <see cref="Query"/> in the query language, <see cref="Sort"/>
/// <c>relevance</c> or <c>date</c>, a page of <see cref="Limit"/>, the opaque cursor of the page before,
/// the IANA <see cref="TimeZone"/> dates are days in, and <see cref="ConversationId"/> to search one conversation only.
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.search.message-request")]
public sealed record MessageSearchRequest(
    [property: Id(0)] string Query,
    [property: Id(1)] string Sort = MessageSearchSorts.Relevance,
    [property: Id(2)] int Limit = SearchLimits.DefaultPageSize,
    [property: Id(3)] string? Cursor = null,
    [property: Id(4)] string TimeZone = "UTC",
    [property: Id(5)] Guid? ConversationId = null);
