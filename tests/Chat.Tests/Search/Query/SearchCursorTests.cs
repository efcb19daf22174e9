using Chat.Errors;
using Chat.Search.Query;

namespace Chat.Tests.Search.Query;

public sealed class SearchCursorTests
{
    private static readonly SearchCursor Cursor = new(new DateTimeOffset(2026, 12, 4, 21, 0, 0, TimeSpan.Zero), 0.123456789, Guid.NewGuid(), 42);

    [Fact]
    public void A_cursor_round_trips_exactly()
    {
        Assert.Equal(Cursor, SearchCursor.Decode(Cursor.Encode("q", "relevance"), "q", "relevance"));
    }

    [Fact]
    public void A_garbled_or_tampered_cursor_is_refused()
    {
        var text = Cursor.Encode("q", "relevance");
        var tampered = (text[10] == 'A' ? 'B' : 'A') + "";
        foreach (var bad in (string[])["garbage!", "", text[..^2], text[..10] + tampered + text[11..]])
        {
            var refused = Assert.Throws<ChatException>(() => SearchCursor.Decode(bad, "q", "relevance"));
            Assert.Equal(ErrorCodes.BadRequest, refused.Code);
        }
    }

    [Fact]
    public void A_cursor_belongs_to_its_query_and_sort()
    {
        var text = Cursor.Encode("q", "relevance");
        Assert.Throws<ChatException>(() => SearchCursor.Decode(text, "other", "relevance"));
        Assert.Throws<ChatException>(() => SearchCursor.Decode(text, "q", "date"));
    }
}
