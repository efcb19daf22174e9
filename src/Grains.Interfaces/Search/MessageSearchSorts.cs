namespace Chat.Search;

/// <summary>The orders of message search results.</summary>
public static class MessageSearchSorts
{
    /// <summary>Text relevance with a recency boost (the default).</summary>
    public const string Relevance = "relevance";

    /// <summary>Newest first.</summary>
    public const string Date = "date";

    public static bool IsKnown(string? sort) => sort is Relevance or Date;
}
