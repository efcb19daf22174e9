using System.Text;
using Chat.Search.Text;

namespace Chat.Search.Query;

/// <summary>
/// How one word or phrase of a query is matched, from the same folding and tokenizer the index was
/// built with: by substring of the folded body (pg_trgm) when it has three or more characters and
/// no CJK or emoji (trigrams need three characters, and pg_trgm only takes letters and digits), else
/// through the tsvector (a short word as a prefix, CJK as a phrase of its bigrams, one CJK character as
/// a prefix, an emoji as itself).
/// <see cref="IndexTsquery"/>, set when <see cref="Tsquery"/> has several lexemes (a CJK word of three or
/// more characters, a phrase), is its first lexeme alone: what the GIN index is asked for, the whole
/// phrase then checked on the rows found (see <see cref="QueryCompiler"/>).
/// </summary>
public sealed record TermForms(string Folded, string? LikePattern, string? Tsquery, IReadOnlyList<string> RankLexemes, string? IndexTsquery = null)
{
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
        if (substring)
        {
            return new TermForms(core, ContainsPattern(core), null, rank);
        }

        var lexemes = tokens.Where(t => !IsTailUnigram(tokens, t)).ToList();
        var tsquery = TsqueryOf(tokens, prefixWords: !isPhrase);
        return new TermForms(core, null, tsquery, rank, lexemes.Count > 1 ? TsqueryOf([lexemes[0]], prefixWords: !isPhrase) : null);
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
