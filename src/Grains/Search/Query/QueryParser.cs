using System.Globalization;
using Chat.Search.Text;

namespace Chat.Search.Query;

/// <summary>
/// Parses the query language (docs/protocol.md, "Query language") into a tree of <see cref="QueryNode"/>s,
/// or refuses it with a <see cref="QuerySyntaxException"/> that says what and where. Parts side by side
/// are ANDed and <c>OR</c> binds tighter (<c>a b OR c</c> is <c>a (b OR c)</c>). A word with nothing to
/// match (<c>!!</c>, a lone <c>-</c>) is left out, as the index leaves it out.
/// </summary>
public static class QueryParser
{
    public static readonly IReadOnlyList<string> HasValues = ["image", "video", "voice", "audio", "document", "file", "link"];
    public static readonly IReadOnlyList<string> IsValues = ["pinned", "saved"];

    public static QueryNode Parse(string? query)
    {
        query ??= "";
        if (query.Length > SearchLimits.MaxQueryChars)
        {
            throw new QuerySyntaxException($"the query is longer than {SearchLimits.MaxQueryChars} characters (at {SearchLimits.MaxQueryChars})", SearchLimits.MaxQueryChars);
        }

        var parser = new Parser(QueryLexer.Tokenize(query));
        var root = parser.ParseAll();
        if (root is null || !HasPositivePart(root, negated: false))
        {
            throw new QuerySyntaxException("nothing to search for", (int?)null);
        }

        return root;
    }

    /// <summary>Words, phrases, hashtags and filters in the tree: what <see cref="SearchLimits.MaxQueryTerms"/> counts.</summary>
    public static IEnumerable<QueryNode> Leaves(QueryNode node) => node switch
    {
        AndNode and => and.Parts.SelectMany(Leaves),
        OrNode or => or.Parts.SelectMany(Leaves),
        NotNode not => Leaves(not.Operand),
        _ => [node],
    };

    private static bool HasPositivePart(QueryNode node, bool negated) => node switch
    {
        AndNode and => and.Parts.Any(p => HasPositivePart(p, negated)),
        OrNode or => or.Parts.Any(p => HasPositivePart(p, negated)),
        NotNode not => HasPositivePart(not.Operand, !negated),
        _ => !negated,
    };

    private sealed class Parser(List<QueryToken> tokens)
    {
        private int _next;
        private int _leaves;

        public QueryNode? ParseAll()
        {
            var root = ParseAnd();
            if (_next < tokens.Count)
            {
                // ParseAnd stops only at ')' or the end.
                var close = tokens[_next];
                throw new QuerySyntaxException($"unmatched ')' at {close.Position}", close.Position);
            }

            return root;
        }

        private QueryToken? Peek => _next < tokens.Count ? tokens[_next] : null;

        private QueryNode? ParseAnd()
        {
            var parts = new List<QueryNode>();
            var start = Peek?.Position ?? 0;
            while (Peek is { } token && token.Kind != QueryTokenKind.Close)
            {
                if (ParseOr() is { } part)
                {
                    parts.Add(part);
                }
            }

            return parts.Count switch
            {
                0 => null,
                1 => parts[0],
                _ => new AndNode(parts, start),
            };
        }

        private QueryNode? ParseOr()
        {
            if (Peek is { Kind: QueryTokenKind.Or } leading)
            {
                throw MissingSide(leading);
            }

            var first = ParseUnary();
            if (Peek is not { Kind: QueryTokenKind.Or })
            {
                return first;
            }

            var parts = new List<QueryNode>();
            var start = first?.Position ?? Peek.Value.Position;
            if (first is not null)
            {
                parts.Add(first);
            }

            while (Peek is { Kind: QueryTokenKind.Or } or)
            {
                _next++;
                if (Peek is null or { Kind: QueryTokenKind.Or or QueryTokenKind.Close })
                {
                    throw MissingSide(or);
                }

                if (ParseUnary() is { } part)
                {
                    parts.Add(part);
                }
            }

            return parts.Count switch
            {
                0 => null,
                1 => parts[0],
                _ => new OrNode(parts, start),
            };
        }

        private static QuerySyntaxException MissingSide(QueryToken or) =>
            new($"'OR' needs something to search for on each side at {or.Position}", or.Position);

        private QueryNode? ParseUnary()
        {
            var token = tokens[_next];
            if (token.Kind != QueryTokenKind.Minus)
            {
                return ParsePrimary();
            }

            _next++;
            if (Peek is null or { Kind: QueryTokenKind.Or or QueryTokenKind.Close })
            {
                return null; // a lone '-': nothing to leave out
            }

            return ParseUnary() is { } operand ? new NotNode(operand, token.Position) : null;
        }

        private QueryNode? ParsePrimary()
        {
            var token = tokens[_next++];
            switch (token.Kind)
            {
                case QueryTokenKind.Open:
                    var inner = ParseAnd();
                    if (Peek is not { Kind: QueryTokenKind.Close })
                    {
                        throw new QuerySyntaxException($"unclosed '(' at {token.Position}", token.Position);
                    }

                    _next++;
                    return inner;
                case QueryTokenKind.Phrase:
                    return HasMatchableText(token.Text) ? Leaf(new PhraseNode(token.Text, token.Position)) : null;
                case QueryTokenKind.Hashtag:
                    return Leaf(new HashtagNode(HashtagLexeme(token.Text), token.Position));
                case QueryTokenKind.Filter:
                    return Leaf(ValidFilter(token));
                case QueryTokenKind.Word:
                    return HasMatchableText(token.Text) ? Leaf(new TermNode(token.Text, token.Position)) : null;
                default:
                    throw new InvalidOperationException($"unexpected {token.Kind}"); // ParseOr and ParseAnd consume OR and ')'
            }
        }

        private QueryNode Leaf(QueryNode leaf)
        {
            if (++_leaves > SearchLimits.MaxQueryTerms)
            {
                throw new QuerySyntaxException($"more than {SearchLimits.MaxQueryTerms} terms at {leaf.Position}", leaf.Position);
            }

            return leaf;
        }
    }

    private static bool HasMatchableText(string text) => SearchTokenizer.Tokenize(SearchText.Fold(text)).Count > 0;

    private static string HashtagLexeme(string text)
    {
        var folded = SearchText.Fold(text);
        var tag = SearchTokenizer.Tokenize(folded).FirstOrDefault(t => t.Kind == SearchTokenKind.Hashtag);
        return tag.Lexeme ?? folded;
    }

    private static FilterNode ValidFilter(QueryToken token)
    {
        var value = token.Text;
        var at = token.ValuePosition;
        var name = token.Filter.ToString().ToLowerInvariant();
        if (value.Length == 0)
        {
            throw new QuerySyntaxException($"{name}: needs a value (at {at})", at);
        }

        switch (token.Filter)
        {
            case QueryFilter.Has when !HasValues.Contains(value.ToLowerInvariant()):
                throw new QuerySyntaxException($"has: takes image, video, voice, audio, document, file or link (at {at})", at);
            case QueryFilter.Is when !IsValues.Contains(value.ToLowerInvariant()):
                throw new QuerySyntaxException($"is: takes pinned or saved (at {at})", at);
            case QueryFilter.Before or QueryFilter.After or QueryFilter.On when !IsDate(value):
                throw new QuerySyntaxException($"bad date '{value}' at {at}", at);
            case QueryFilter.Has or QueryFilter.Is:
                value = value.ToLowerInvariant();
                break;
        }

        return new FilterNode(token.Filter, value, token.Position, at);
    }

    public static DateOnly ParseDate(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool IsDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
