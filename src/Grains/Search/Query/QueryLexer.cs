using System.Text;
using Chat.Search.Text;

namespace Chat.Search.Query;

/// <summary>
/// Cuts a query into words, <c>"phrases"</c>, <c>#tags</c>, <c>name:value</c> filters, <c>OR</c>, a
/// leading <c>-</c> and parentheses, refusing an unclosed quote or an unknown filter where it starts.
/// </summary>
internal static class QueryLexer
{
    private static readonly Dictionary<string, QueryFilter> Filters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["from"] = QueryFilter.From,
        ["in"] = QueryFilter.In,
        ["before"] = QueryFilter.Before,
        ["after"] = QueryFilter.After,
        ["on"] = QueryFilter.On,
        ["has"] = QueryFilter.Has,
        ["is"] = QueryFilter.Is,
    };

    public static List<QueryToken> Tokenize(string query)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (i < query.Length)
        {
            var ch = query[i];
            if (char.IsWhiteSpace(ch))
            {
                i++;
            }
            else if (ch == '(')
            {
                tokens.Add(new QueryToken(QueryTokenKind.Open, "(", i++));
            }
            else if (ch == ')')
            {
                tokens.Add(new QueryToken(QueryTokenKind.Close, ")", i++));
            }
            else if (ch == '"')
            {
                var (text, end) = ReadQuoted(query, i);
                tokens.Add(new QueryToken(QueryTokenKind.Phrase, text, i));
                i = end;
            }
            else if (ch == '-' && i + 1 < query.Length && !char.IsWhiteSpace(query[i + 1]) && query[i + 1] != ')' && StartsToken(tokens, query, i))
            {
                tokens.Add(new QueryToken(QueryTokenKind.Minus, "-", i++));
            }
            else if (ch == '#' && i + 1 < query.Length && StartsTag(query, i + 1))
            {
                var end = TagEnd(query, i + 1);
                tokens.Add(new QueryToken(QueryTokenKind.Hashtag, query[i..end], i));
                i = end;
            }
            else
            {
                i = ReadWordOrFilter(query, i, tokens);
            }
        }

        return tokens;
    }

    // "a-b" is one word; only a '-' that begins a part excludes it.
    private static bool StartsToken(List<QueryToken> tokens, string query, int i) =>
        i == 0 || char.IsWhiteSpace(query[i - 1]) || query[i - 1] is '(' or '-' || (tokens.Count > 0 && tokens[^1].Kind == QueryTokenKind.Minus);

    private static int ReadWordOrFilter(string query, int start, List<QueryToken> tokens)
    {
        var end = start;
        while (end < query.Length && !char.IsWhiteSpace(query[end]) && query[end] is not ('(' or ')' or '"'))
        {
            end++;
        }

        var word = query[start..end];
        var colon = word.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && IsFilterName(word.AsSpan(0, colon)) && !word.AsSpan(colon + 1).StartsWith("//", StringComparison.Ordinal))
        {
            var name = word[..colon];
            if (!Filters.TryGetValue(name, out var filter))
            {
                throw new QuerySyntaxException($"unknown filter '{name}:' at {start}", start);
            }

            var valueStart = start + colon + 1;
            if (valueStart == end && end < query.Length && query[end] == '"')
            {
                var (quoted, quotedEnd) = ReadQuoted(query, end);
                tokens.Add(new QueryToken(QueryTokenKind.Filter, quoted, start, filter, valueStart));
                return quotedEnd;
            }

            tokens.Add(new QueryToken(QueryTokenKind.Filter, query[valueStart..end], start, filter, valueStart));
            return end;
        }

        tokens.Add(new QueryToken(word == "OR" ? QueryTokenKind.Or : QueryTokenKind.Word, word, start));
        return end;
    }

    private static bool IsFilterName(ReadOnlySpan<char> name)
    {
        foreach (var ch in name)
        {
            if (ch is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z')))
            {
                return false;
            }
        }

        return true;
    }

    private static (string Text, int End) ReadQuoted(string query, int quote)
    {
        var close = query.IndexOf('"', quote + 1);
        if (close < 0)
        {
            throw new QuerySyntaxException($"unclosed quote at {quote}", quote);
        }

        return (query[(quote + 1)..close], close + 1);
    }

    private static bool StartsTag(string text, int index) => Rune.TryGetRuneAt(text, index, out var rune) && IsTagRune(rune);

    private static int TagEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && Rune.TryGetRuneAt(text, end, out var rune) && IsTagRune(rune))
        {
            end += rune.Utf16SequenceLength;
        }

        return end;
    }

    // The tokenizer's tag characters: letters, digits, marks, '_' and CJK.
    private static bool IsTagRune(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || rune.Value == '_' || SearchTokenizer.IsCjk(rune)
        || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
