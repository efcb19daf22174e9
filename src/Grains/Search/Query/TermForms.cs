using System.Text;
using Chat.Search.Text;

namespace Chat.Search.Query;

/// <summary>
/// How one word or phrase of a query is matched, from the same folding and tokenizer the index was
/// built with: by substring of the folded body (pg_trgm) when it has three or more characters and
/// no CJK or emoji (trigrams need three characters, and pg_trgm only takes letters and digits), else
/// through the tsvector (a short word as a prefix, CJK as a phrase of its bigrams, one CJK character as
/// a prefix, an emoji as itself).
/// </summary>
public sealed record TermForms(string Folded, string? LikePattern, string? Tsquery, IReadOnlyList<string> RankLexemes)
{
    /// <summary>
    /// For a <see cref="Tsquery"/> of several lexemes (a CJK run, a phrase): its first lexeme alone, the
    /// condition the GIN index is asked. Postgres estimates a phrase's rows far too low (3 for a Korean
    /// greeting found 232,692 times in the 10M corpus), plans the GIN index alone instead of the caller's
    /// conversations, and reads every match in the table; a single lexeme it estimates from its
    /// statistics. The whole phrase is then checked on those rows only (<c>ts_match_vq</c>, which no index serves).
    /// </summary>
    public string? IndexTsquery { get; init; }

    public const int MinSubstringChars = 3;

    public static TermForms ForTerm(string text) => Build(text, isPhrase: false);

    public static TermForms ForPhrase(string text) => Build(text, isPhrase: true);

    public static TermForms ForHashtag(string lexeme)
    {
        var quoted = new StringBuilder();
        SearchDocument.AppendQuoted(quoted, lexeme);
        return new TermForms(lexeme, null, quoted.ToString(), [quoted.ToString()]);
    }

    /// <summary>A LIKE pattern finding <paramref name="text"/> anywhere, with <c>%</c>, <c>_</c> and <c>\</c> escaped.</summary>
    public static string ContainsPattern(string text)
    {
        var pattern = new StringBuilder(text.Length + 2).Append('%');
        foreach (var ch in text)
        {
            if (ch is '%' or '_' or '\\')
            {
                pattern.Append('\\');
            }

            pattern.Append(ch);
        }

        return pattern.Append('%').ToString();
    }

    private static TermForms Build(string text, bool isPhrase)
    {
        var folded = SearchText.Fold(text);
        var tokens = SearchTokenizer.Tokenize(folded).Where(t => t.Kind != SearchTokenKind.Hashtag).ToList();
        if (tokens.Count == 0)
        {
            return new TermForms(folded, null, null, []);
        }

        // "hello," is the word hello: punctuation around a term is not part of what is looked for.
        var core = folded[tokens[0].Start..(tokens[^1].Start + tokens[^1].Length)];
        var rank = tokens.Where(t => !IsTailUnigram(tokens, t)).Select(t => Prefix(t.Lexeme)).Distinct().ToList();
        // A word of three characters gives the trigram index something to look up; "a b" would not.
        var substring = tokens.All(t => t.Kind == SearchTokenKind.Word) && tokens.Any(t => t.Lexeme.EnumerateRunes().Count() >= MinSubstringChars);
        return substring
            ? new TermForms(core, ContainsPattern(core), null, rank)
            : new TermForms(core, null, TsqueryOf(tokens, prefixWords: !isPhrase), rank) { IndexTsquery = IndexPart(tokens, prefixWords: !isPhrase) };
    }

    /// <summary>The index adds a CJK run's last character alone; a query's bigrams already cover it.</summary>
    private static bool IsTailUnigram(List<SearchToken> tokens, SearchToken token)
    {
        if (token.Kind != SearchTokenKind.Cjk || token.Lexeme.EnumerateRunes().Count() != 1)
        {
            return false;
        }

        var index = tokens.IndexOf(token);
        return index > 0 && tokens[index - 1] is { Kind: SearchTokenKind.Cjk } before && before.Start + before.Length == token.Start + token.Length;
    }

    private static string? IndexPart(List<SearchToken> tokens, bool prefixWords)
    {
        var kept = tokens.Where(t => !IsTailUnigram(tokens, t)).ToList();
        return kept.Count > 1 ? TsqueryOf([kept[0]], prefixWords) : null;
    }

    private static string TsqueryOf(List<SearchToken> tokens, bool prefixWords)
    {
        var query = new StringBuilder();
        SearchToken? previous = null;
        foreach (var token in tokens.Where(t => !IsTailUnigram(tokens, t)))
        {
            if (previous is { } before)
            {
                // Positions count the tail unigrams left out, so the distance is the index's own.
                var distance = token.Position - before.Position;
                query.Append(distance == 1 ? " <-> " : $" <{distance}> ");
            }

            SearchDocument.AppendQuoted(query, token.Lexeme);
            var loneCjkChar = token.Kind == SearchTokenKind.Cjk && token.Lexeme.EnumerateRunes().Count() == 1;
            if (loneCjkChar || (prefixWords && token.Kind == SearchTokenKind.Word))
            {
                query.Append(":*");
            }

            previous = token;
        }

        return query.ToString();
    }

    private static string Prefix(string lexeme)
    {
        var quoted = new StringBuilder();
        SearchDocument.AppendQuoted(quoted, lexeme);
        return quoted.Append(":*").ToString();
    }
}
