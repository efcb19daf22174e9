namespace Chat.Search.Text;

/// <summary>
/// One lexeme of the search document or of a query term, at a position (1-based, consecutive, so
/// phrases are adjacency in <c>tsquery</c>), with its span in the folded text for highlighting.
/// </summary>
public readonly record struct SearchToken(string Lexeme, int Position, int Start, int Length, SearchTokenKind Kind);

public enum SearchTokenKind
{
    /// <summary>A run of letters, digits and marks outside CJK scripts.</summary>
    Word,

    /// <summary>Two adjacent CJK characters, or the last single character of a CJK run.</summary>
    Cjk,

    /// <summary>An emoji or other symbol, one grapheme.</summary>
    Symbol,

    /// <summary><c>#tag</c>: at the same position as the tag's own tokens.</summary>
    Hashtag,
}
