using System.Globalization;
using System.Text;

namespace Chat.Search.Text;

/// <summary>
/// Cuts folded text (<see cref="SearchText.Fold"/>) into the lexemes of the index. Words are runs of
/// letters, digits and marks. Chinese, Japanese and Korean have no spaces between words and their
/// common words are two characters, so each CJK run becomes overlapping bigrams plus its last
/// character alone (Lucene's CJK analyzer, with the tail unigram so a one-character query finds the
/// end of a run too): <c>東京都</c> → <c>東京</c>, <c>京都</c>, <c>都</c>. Emoji are lexemes as they
/// are; <c>#tag</c> adds the lexeme <c>#tag</c> beside the tag's own words.
/// </summary>
public static class SearchTokenizer
{
    /// <summary>Longer words are cut here: nobody searches for the middle of a 300-letter hash, and tsvector lexemes are bounded.</summary>
    public const int MaxWordChars = 64;

    public static IReadOnlyList<SearchToken> Tokenize(string folded)
    {
        var tokens = new List<SearchToken>();
        var position = 0;
        var i = 0;
        while (i < folded.Length)
        {
            var rune = Rune.GetRuneAt(folded, i);
            if (IsCjk(rune))
            {
                i = AddCjkRun(folded, i, tokens, ref position);
            }
            else if (IsWordRune(rune))
            {
                i = AddWord(folded, i, tokens, ref position);
            }
            else if (folded[i] == '#' && i + 1 < folded.Length && IsTagStart(folded, i + 1) && (i == 0 || !IsWordAt(folded, i - 1)))
            {
                var end = TagEnd(folded, i + 1);
                var tag = folded[i..end];
                tokens.Add(new SearchToken(Cut(tag, MaxWordChars + 1), position + 1, i, end - i, SearchTokenKind.Hashtag));
                i++;
            }
            else if (IsSymbol(rune))
            {
                var element = StringInfo.GetNextTextElementLength(folded, i);
                var symbol = folded.Substring(i, element).Replace("\uFE0F", "", StringComparison.Ordinal);
                tokens.Add(new SearchToken(symbol, ++position, i, element, SearchTokenKind.Symbol));
                i += element;
            }
            else
            {
                i += rune.Utf16SequenceLength;
            }
        }

        return tokens;
    }

    public static bool IsCjk(Rune rune) => rune.Value is
        (>= 0x3040 and <= 0x30FF) // Hiragana, Katakana (with the long-vowel mark)
        or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) // Han
        or (>= 0x20000 and <= 0x3FFFF) // Han, supplementary planes
        or (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F) or (>= 0xAC00 and <= 0xD7AF) // Hangul
        or (>= 0x31F0 and <= 0x31FF); // Katakana phonetic extensions

    private static bool IsWordRune(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            || rune.Value == '_';
    }

    private static bool IsSymbol(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol;

    private static bool IsWordAt(string text, int index) => char.IsLetterOrDigit(text[index]) || text[index] == '_';

    private static bool IsTagStart(string text, int index)
    {
        var rune = Rune.GetRuneAt(text, index);
        return IsCjk(rune) || IsWordRune(rune);
    }

    private static int TagEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && Rune.TryGetRuneAt(text, end, out var rune) && (IsCjk(rune) || IsWordRune(rune)))
        {
            end += rune.Utf16SequenceLength;
        }

        return end;
    }

    private static int AddWord(string text, int start, List<SearchToken> tokens, ref int position)
    {
        var end = start;
        while (end < text.Length && Rune.TryGetRuneAt(text, end, out var rune) && IsWordRune(rune) && !IsCjk(rune))
        {
            end += rune.Utf16SequenceLength;
        }

        tokens.Add(new SearchToken(Cut(text[start..end], MaxWordChars), ++position, start, end - start, SearchTokenKind.Word));
        return end;
    }

    private static int AddCjkRun(string text, int start, List<SearchToken> tokens, ref int position)
    {
        var starts = new List<int>();
        var end = start;
        while (end < text.Length && Rune.TryGetRuneAt(text, end, out var rune) && IsCjk(rune))
        {
            starts.Add(end);
            end += rune.Utf16SequenceLength;
        }

        starts.Add(end);
        for (var k = 0; k + 2 < starts.Count; k++)
        {
            tokens.Add(new SearchToken(text[starts[k]..starts[k + 2]], ++position, starts[k], starts[k + 2] - starts[k], SearchTokenKind.Cjk));
        }

        var last = starts[^2];
        tokens.Add(new SearchToken(text[last..end], ++position, last, end - last, SearchTokenKind.Cjk));
        return end;
    }

    private static string Cut(string text, int maxChars) =>
        text.Length <= maxChars ? text : text[..(char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars)];
}
