using Chat.Search.Query;

namespace Chat.Tests.Search.Query;

public sealed class SnippetBuilderTests
{
    [Fact]
    public void Highlights_folded_matches_on_the_original_text()
    {
        var (snippet, highlights) = SnippetBuilder.Build("Un Café au lait", ["cafe"]);
        Assert.Equal("Un Café au lait", snippet);
        Assert.Equal([3, 4], Assert.Single(highlights));
    }

    [Fact]
    public void Highlights_count_utf16_units_after_emoji()
    {
        var (snippet, highlights) = SnippetBuilder.Build("🎉🎉 東京都庁", ["東京"]);
        Assert.Equal("🎉🎉 東京都庁", snippet);
        Assert.Equal([5, 2], Assert.Single(highlights));
    }

    [Fact]
    public void A_long_message_is_cut_around_its_first_match_with_ellipses()
    {
        var text = string.Join(' ', Enumerable.Repeat("filler", 60)) + " the needle is here " + string.Join(' ', Enumerable.Repeat("tail", 80));
        var (snippet, highlights) = SnippetBuilder.Build(text, ["needle"]);
        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.InRange(snippet.Length, 150, 202);
        var range = Assert.Single(highlights);
        Assert.Equal("needle", snippet.Substring(range[0], range[1]));
    }

    [Fact]
    public void Line_breaks_become_spaces_and_no_match_shows_the_start()
    {
        var (snippet, highlights) = SnippetBuilder.Build("first line\nsecond", []);
        Assert.Equal("first line second", snippet);
        Assert.Empty(highlights);
    }

    [Fact]
    public void Overlapping_matches_merge()
    {
        var (_, highlights) = SnippetBuilder.Build("meeting room", ["meet", "meeting"]);
        Assert.Equal([0, 7], Assert.Single(highlights));
    }
}
