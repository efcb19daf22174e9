using System.Text;
using Chat.Search.Text;

namespace Chat.Search.People;

/// <summary>
/// The words people and conversation search match a query against, the same for what is stored and
/// what is asked: the folded text (<see cref="SearchText.Fold"/>) split at spaces, each word also split
/// at punctuation and symbols (<c>ana_silva</c>, <c>Anne-Marie</c>), and a word with CJK in it also
/// from each of its characters on, since such names need no spaces (<c>山田太郎</c> is found by <c>太郎</c>).
/// A query matches when each of its folded words is a prefix of one of these.
/// </summary>
internal static class SearchNames
{
    /// <summary>Postgres refuses a lexeme of 2 KB or more; no name comes near, but a long username must not fail a sign-up.</summary>
    private const int MaxLexemeBytes = 2000;

    public static string FoldUsername(string username) => SearchText.Fold(username.Trim());

    public static IReadOnlyList<string> QueryWords(string query) =>
        SearchText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The words of a username and a display name, distinct.</summary>
    public static IReadOnlySet<string> Words(params string[] names)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            foreach (var word in SearchText.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                AddWord(words, word);
                foreach (var part in SplitAtPunctuation(word))
                {
                    AddWord(words, part);
                }
            }
        }

        return words;
    }

    /// <summary>The words as a <c>tsvector</c> literal (lexemes only, no positions: only whether a word is there counts).</summary>
    public static string Tsvector(IEnumerable<string> words)
    {
        var literal = new StringBuilder();
        foreach (var word in words.Order(StringComparer.Ordinal))
        {
            if (literal.Length > 0)
            {
                literal.Append(' ');
            }

            SearchDocument.AppendQuoted(literal, word);
        }

        return literal.ToString();
    }

    /// <summary>A <c>tsquery</c> literal: every query word as a word prefix (<c>'ana':* &amp; 'sil':*</c>), or as a whole word.</summary>
    public static string Tsquery(IReadOnlyList<string> queryWords, bool prefix)
    {
        var literal = new StringBuilder();
        foreach (var word in queryWords)
        {
            if (literal.Length > 0)
            {
                literal.Append(" & ");
            }

            SearchDocument.AppendQuoted(literal, word);
            if (prefix)
            {
                literal.Append(":*");
            }
        }

        return literal.ToString();
    }

    /// <summary>Whether each query word is a prefix of one of the words of <paramref name="names"/>.</summary>
    public static bool Match(IReadOnlyList<string> queryWords, params string[] names)
    {
        var words = Words(names);
        return queryWords.All(q => words.Any(w => w.StartsWith(q, StringComparison.Ordinal)));
    }

    /// <summary>A LIKE pattern finding <paramref name="folded"/> anywhere, its wildcards and escape character escaped.</summary>
    public static string ContainsPattern(string folded) =>
        "%" + folded.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";

    private static void AddWord(HashSet<string> words, string word)
    {
        if (word.Length == 0 || Encoding.UTF8.GetByteCount(word) > MaxLexemeBytes)
        {
            return;
        }

        words.Add(word);
        if (!HasCjk(word))
        {
            return;
        }

        // Every tail of a CJK word, so a name written without spaces is found by its later characters too.
        for (var i = char.IsHighSurrogate(word[0]) ? 2 : 1; i < word.Length; i += char.IsHighSurrogate(word[i]) ? 2 : 1)
        {
            words.Add(word[i..]);
        }
    }

    private static IEnumerable<string> SplitAtPunctuation(string word)
    {
        var start = 0;
        for (var i = 0; i <= word.Length; i++)
        {
            if (i == word.Length || char.IsPunctuation(word[i]) || char.IsSymbol(word[i]))
            {
                if (i > start && (start > 0 || i < word.Length))
                {
                    yield return word[start..i];
                }

                start = i + 1;
            }
        }
    }

    private static bool HasCjk(string word)
    {
        foreach (var rune in word.EnumerateRunes())
        {
            if (SearchTokenizer.IsCjk(rune))
            {
                return true;
            }
        }

        return false;
    }
}
