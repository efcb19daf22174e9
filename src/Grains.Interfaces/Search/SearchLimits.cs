namespace Chat.Search;

/// <summary>The limits of message and file search (docs/protocol.md, "Search"), with their units in the names.</summary>
public static class SearchLimits
{
    public const int MaxQueryChars = 512;

    /// <summary>Words, phrases, hashtags and filters together: each is one more condition in the statement.</summary>
    public const int MaxQueryTerms = 32;

    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>About this much of a message is shown around its first match.</summary>
    public const int SnippetChars = 200;

    /// <summary>The searches a user's history keeps, newest first.</summary>
    public const int HistoryEntries = 20;
}
