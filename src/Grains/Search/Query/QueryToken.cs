namespace Chat.Search.Query;

/// <summary>One lexical unit of a query, as <see cref="QueryLexer"/> cuts it.</summary>
internal readonly record struct QueryToken(QueryTokenKind Kind, string Text, int Position, QueryFilter Filter = default, int ValuePosition = 0);

internal enum QueryTokenKind
{
    Word,
    Phrase,
    Hashtag,
    Filter,
    Or,
    Minus,
    Open,
    Close,
}
