using System.Net;
using System.Text.Json;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Search.Query;

/// <summary>The last 20 first-page searches, newest first, cleared by the user and erased with the account.</summary>
[Collection(SearchCollection.Name)]
public sealed class SearchHistoryTests(SearchGrid grid)
{
    private HttpClient Http => grid.First.Http;

    [Fact]
    public async Task First_pages_of_message_and_file_searches_are_recorded_newest_first_and_a_repeat_moves_to_the_top()
    {
        var user = await TestUser.RegisterAsync(Http);
        await SearchApi.PageAsync(Http, user, SearchApi.MessagesPath("budget"));
        await SearchApi.PageAsync(Http, user, SearchApi.FilesPath("report"));
        await SearchApi.PageAsync(Http, user, SearchApi.MessagesPath("东京 from:me"));
        await SearchApi.PageAsync(Http, user, SearchApi.MessagesPath("budget"));
        await SearchApi.GetAsync(Http, user, SearchApi.MessagesPath("\"unclosed")); // refused: not recorded

        Assert.Equal(["budget", "东京 from:me", "report"], await QueriesAsync(user));
    }

    [Fact]
    public async Task Later_pages_are_not_recorded_again()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        await scene.SendAsync($"{tag} one");
        await scene.SendAsync($"{tag} two");
        var first = await SearchApi.EventuallyAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag, "&limit=1"),
            p => p.GetProperty("nextCursor").ValueKind == JsonValueKind.String);
        await SearchApi.PageAsync(Http, scene.Alice, SearchApi.MessagesPath("other"));
        await SearchApi.PageAsync(Http, scene.Alice, SearchApi.MessagesPath(tag, $"&limit=1&cursor={Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!)}"));

        Assert.Equal(["other", tag], await QueriesAsync(scene.Alice));
    }

    [Fact]
    public async Task Only_the_last_20_are_kept_and_a_user_can_clear_them()
    {
        var user = await TestUser.RegisterAsync(Http);
        var other = await TestUser.RegisterAsync(Http);
        await SearchApi.PageAsync(Http, other, SearchApi.MessagesPath("theirs"));
        for (var i = 0; i < 23; i++)
        {
            await SearchApi.PageAsync(Http, user, SearchApi.MessagesPath($"query{i}"));
        }

        Assert.Equal(Enumerable.Range(3, 20).Reverse().Select(i => $"query{i}"), await QueriesAsync(user));

        using (var clear = await Http.SendAsync(user.Request(HttpMethod.Delete, "/api/search/history")))
        {
            Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);
        }

        Assert.Empty(await QueriesAsync(user));
        Assert.Equal(["theirs"], await QueriesAsync(other));
    }

    [Fact]
    public async Task The_history_is_erased_with_the_account()
    {
        var user = await TestUser.RegisterAsync(Http);
        await SearchApi.PageAsync(Http, user, SearchApi.MessagesPath("private thoughts"));
        Assert.Equal(["private thoughts"], await QueriesAsync(user));

        using (var delete = await Http.SendAsync(user.Request(HttpMethod.Delete, "/api/users/me", new { password = user.Password })))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        await using var database = Npgsql.NpgsqlDataSource.Create(grid.Grid.Database.ConnectionString);
        await using var count = database.CreateCommand("SELECT count(*) FROM search_history WHERE user_id = $1");
        count.Parameters.AddWithValue(user.UserId);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    private async Task<List<string>> QueriesAsync(TestUser user)
    {
        var history = await SearchApi.PageAsync(Http, user, "/api/search/history");
        return [.. history.EnumerateArray().Select(e => e.GetProperty("query").GetString()!)];
    }
}
