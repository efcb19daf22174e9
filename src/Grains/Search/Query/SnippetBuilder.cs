using System.Globalization;
using Chat.Search.Text;

namespace Chat.Search.Query;

/// <summary>
/// Cuts the plain-text snippet of a hit (about <see cref="SearchLimits.SnippetChars"/> characters around
/// its first match, <c>…</c> where cut) and marks every match in it as <c>[start, length]</c> UTF-16
/// ranges. Matches are found in the folded text (what the query matched) and drawn back on the original
/// through <see cref="SearchText.FoldWithMap"/>, so <c>cafe</c> marks <c>Café</c>.
/// </summary>
public static class SnippetBuilder
{
    private const string Ellipsis = "…";

    /// <summary>Some context before the first match, so it is not the snippet's first word.</summary>
    private const int LeadChars = 60;

    public static (string Snippet, IReadOnlyList<int[]> Highlights) Build(string text, IReadOnlyList<string> needles, int maxChars = SearchLimits.SnippetChars)
    {
        var matches = Matches(text, needles);
        var start = matches.Count == 0 ? 0 : Math.Max(0, matches[0].Start - LeadChars);
        if (start > 0 && text.Length - start < maxChars)
        {
            start = Math.Min(matches[0].Start, Math.Max(0, text.Length - maxChars));
        }

        start = WordStart(text, start, matches.Count == 0 ? 0 : matches[0].Start);
        var end = Math.Min(text.Length, start + maxChars);
        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end--;
        }

        var prefix = start > 0 ? Ellipsis : "";
        var body = string.Create(end - start, (text, start), (span, state) =>
        {
            state.text.AsSpan(state.start, span.Length).CopyTo(span);
            for (var i = 0; i < span.Length; i++)
            {
                if (char.IsControl(span[i]))
                {
                    span[i] = ' '; // a line break in a one-line snippet, one unit for one so the ranges hold
                }
            }
        });
        var highlights = matches
            .Where(m => m.Start >= start && m.End <= end)
            .Select(m => new[] { m.Start - start + prefix.Length, m.End - m.Start })
            .ToList();
        return (prefix + body + (end < text.Length ? Ellipsis : ""), highlights);
    }

    /// <summary>Every occurrence of the needles, as non-overlapping ranges of the original text in order.</summary>
    public static List<(int Start, int End)> Matches(string text, IReadOnlyList<string> needles)
    {
        var folded = SearchText.FoldWithMap(text);
        var found = new List<(int Start, int End)>();
        foreach (var needle in needles.Where(n => n.Length > 0))
        {
            for (var at = folded.Folded.IndexOf(needle, StringComparison.Ordinal); at >= 0;
                 at = folded.Folded.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
            {
                var last = folded.OriginalIndex[at + needle.Length - 1];
                found.Add((folded.OriginalIndex[at], last + StringInfo.GetNextTextElementLength(text, last)));
            }
        }

        found.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var range in found)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    // Start the cut at a word if one begins shortly after, never inside a surrogate pair.
    private static int WordStart(string text, int start, int firstMatch)
    {
        if (start == 0)
        {
            return 0;
        }

        for (var i = start; i < firstMatch && i < start + 20; i++)
        {
            if (char.IsWhiteSpace(text[i - 1]) && !char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return char.IsLowSurrogate(text[start]) ? start - 1 : start;
    }
}
