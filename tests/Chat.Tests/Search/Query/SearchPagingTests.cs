using System.Net;
using System.Text.Json;

namespace Chat.Tests.Search.Query;

/// <summary>Cursor paging: every hit once, in order, on pages that do not shift when new messages arrive.</summary>
[Collection(SearchCollection.Name)]
public sealed class SearchPagingTests(SearchGrid grid)
{
    [Theory]
    [InlineData("relevance")]
    [InlineData("date")]
    public async Task Pages_list_every_hit_once_without_gaps(string sort)
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var sent = new List<long>();
        for (var i = 0; i < 23; i++)
        {
            // Different lengths, so relevance differs from message to message.
            sent.Add(await scene.SendAsync($"{tag} {string.Join(' ', Enumerable.Repeat(tag, i % 4))} number {i}"));
        }

        await SearchApi.EventuallyAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag, "&limit=100"), p => p.GetProperty("hits").GetArrayLength() == 23);
        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await SearchApi.PageAsync(scene.Http, scene.Alice,
                SearchApi.MessagesPath(tag, $"&sort={sort}&limit=5" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")));
            seen.AddRange(SearchApi.SeqsOf(page, scene.GroupId));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
            if (pages++ == 0)
            {
                await scene.SendAsync($"{tag} arrives after the first page"); // asOf keeps it off the later pages
            }
        }
        while (cursor is not null);

        Assert.Equal(5, pages);
        Assert.Equal(sent.Order(), seen.Order());
        if (sort == "date")
        {
            Assert.Equal(sent.OrderDescending(), seen);
        }
    }

    [Fact]
    public async Task Relevance_puts_the_better_match_first_and_date_the_newest()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var strong = await scene.SendAsync($"{tag} {tag} {tag} budget");
        var weak = await scene.SendAsync($"{tag} and a long message about other things entirely, with many words that are not the one searched for");

        await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), scene.GroupId, strong, weak);
        Assert.Equal([strong, weak], await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), scene.GroupId));
        Assert.Equal([weak, strong], await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag, "&sort=date"), scene.GroupId));
    }

    [Fact]
    public async Task A_cursor_is_refused_with_another_query_or_sort()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        await scene.SendAsync($"{tag} one");
        await scene.SendAsync($"{tag} two");
        var first = await SearchApi.EventuallyAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag, "&limit=1"),
            p => p.GetProperty("nextCursor").ValueKind == JsonValueKind.String);
        var cursor = Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!);

        Assert.Single((await SearchApi.PageAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag, $"&limit=1&cursor={cursor}"))).GetProperty("hits").EnumerateArray());
        var (otherQuery, _) = await SearchApi.GetAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} one", $"&limit=1&cursor={cursor}"));
        Assert.Equal(HttpStatusCode.BadRequest, otherQuery);
        var (otherSort, _) = await SearchApi.GetAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag, $"&sort=date&limit=1&cursor={cursor}"));
        Assert.Equal(HttpStatusCode.BadRequest, otherSort);
    }
}
