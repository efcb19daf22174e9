namespace Chat.Search.Query;

/// <summary>
/// A query refused as written: <see cref="Exception.Message"/> is the problem's detail (what and where,
/// e.g. <c>unclosed quote at 12</c>) and <see cref="Position"/> its 0-based UTF-16 offset, null when the
/// refusal is about the whole query (<c>nothing to search for</c>).
/// </summary>
public sealed class QuerySyntaxException : Exception
{
    public QuerySyntaxException(string message, int? position) : base(message) => Position = position;

    public QuerySyntaxException() : this("malformed query", (int?)null) { }

    public QuerySyntaxException(string message) : this(message, (int?)null) { }

    public QuerySyntaxException(string message, Exception inner) : base(message, inner) { }

    public int? Position { get; }
}
