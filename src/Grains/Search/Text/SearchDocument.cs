using System.Text;

namespace Chat.Search.Text;

/// <summary>
/// The two indexed forms of a message's text: <see cref="Body"/>, the folded text pg_trgm matches
/// substrings in, and <see cref="Tsvector"/>, the lexemes with positions as a <c>tsvector</c> literal
/// (cast with <c>::tsvector</c>; built here so one tokenizer serves every script, not a Postgres
/// text-search configuration per language).
/// </summary>
public sealed record SearchDocument(string Body, string Tsvector)
{
    /// <summary>tsvector positions stop at 16383; later tokens keep that position (still found, not as a phrase).</summary>
    private const int MaxPosition = 16_383;

    public static SearchDocument From(string text)
    {
        var body = SearchText.Fold(text);
        var tokens = SearchTokenizer.Tokenize(body);
        var literal = new StringBuilder(body.Length * 2);
        foreach (var token in tokens)
        {
            if (literal.Length > 0)
            {
                literal.Append(' ');
            }

            AppendQuoted(literal, token.Lexeme);
            literal.Append(':').Append(Math.Min(token.Position, MaxPosition));
        }

        return new SearchDocument(body, literal.ToString());
    }

    /// <summary>A lexeme in tsvector/tsquery literal syntax: single quotes, with quotes doubled and backslashes escaped.</summary>
    public static void AppendQuoted(StringBuilder builder, string lexeme)
    {
        builder.Append('\'');
        foreach (var ch in lexeme)
        {
            if (ch is '\'' or '\\')
            {
                builder.Append(ch);
            }

            builder.Append(ch);
        }

        builder.Append('\'');
    }
}
