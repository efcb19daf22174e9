using System.Globalization;
using System.Text;

namespace Chat.Search.Text;

/// <summary>
/// Folds text for matching, the same way for what is indexed and what is asked: NFKC (letter width and
/// compatibility forms), lower case, accents dropped from Latin, Greek and Cyrillic letters, Arabic
/// diacritics, tatweel and letter variants unified (as Lucene's Arabic normalizer does), and one space
/// between words. Each folded character remembers the original character it came from, so a
/// highlight found in the folded text can be drawn on the original.
/// </summary>
public static class SearchText
{
    public static string Fold(string text) => FoldWithMap(text).Folded;

    /// <summary>The folded text and, per folded UTF-16 unit, the index of the original unit it came from.</summary>
    public static FoldedText FoldWithMap(string text)
    {
        var folded = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        var pendingSpace = false;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var start = elements.ElementIndex;
            var element = (string)elements.Current;
            if (IsSeparator(element))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                folded.Append(' ');
                map.Add(start);
                pendingSpace = false;
            }

            foreach (var ch in FoldElement(element))
            {
                folded.Append(ch);
                map.Add(start);
            }
        }

        return new FoldedText(folded.ToString(), [.. map]);
    }

    private static bool IsSeparator(string element) =>
        element.Length == 1 && (char.IsWhiteSpace(element[0]) || char.IsControl(element[0]));

    private static string FoldElement(string element)
    {
        if (element.Length == 1 && element[0] < 0x80)
        {
            return element[0] is >= 'A' and <= 'Z' ? ((char)(element[0] + 32)).ToString() : element;
        }

        var decomposed = element.Normalize(NormalizationForm.FormKD).ToLowerInvariant();
        var kept = new StringBuilder(decomposed.Length);
        var baseChar = '\0';
        foreach (var ch in decomposed)
        {
            var category = char.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark && DropsMarks(baseChar))
            {
                continue;
            }

            if (ch == '\u0640')
            {
                continue; // tatweel: stretches a word, means nothing
            }

            if (category != UnicodeCategory.NonSpacingMark)
            {
                baseChar = ch;
            }

            kept.Append(ArabicVariant(ch));
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Marks on these scripts are accents or vowel signs a searcher leaves out; elsewhere (Devanagari, Thai, kana voicing) they change the letter.</summary>
    private static bool DropsMarks(char baseChar) =>
        baseChar is (>= 'a' and <= 'z') or (>= '\u00C0' and <= '\u024F') or (>= '\u1E00' and <= '\u1EFF')
            or (>= '\u0370' and <= '\u03FF') or (>= '\u1F00' and <= '\u1FFF')
            or (>= '\u0400' and <= '\u04FF')
            or (>= '\u0600' and <= '\u06FF');

    private static char ArabicVariant(char ch) => ch switch
    {
        '\u0671' => '\u0627', // alef wasla → alef (hamza and madda forms decompose to alef + a dropped mark)
        '\u0649' => '\u064A', // alef maksura → yeh
        '\u0629' => '\u0647', // teh marbuta → heh
        _ => ch,
    };
}

/// <summary>Folded text with <see cref="OriginalIndex"/>: for each folded UTF-16 unit, where it came from in the original.</summary>
public sealed record FoldedText(string Folded, int[] OriginalIndex);
