using System.Net;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Search.Query;

/// <summary>Malformed queries and bad parameters are a 400 that says what and where, and change nothing.</summary>
[Collection(SearchCollection.Name)]
public sealed class SearchRefusalTests(SearchGrid grid)
{
    [Theory]
    [InlineData("budget \"draft", "unclosed quote at 7", 7)]
    [InlineData("a b c ) d", "unmatched ')' at 6", 6)]
    [InlineData("sort:date x", "unknown filter 'sort:' at 0", 0)]
    [InlineData("has:pdf", "has: takes image, video, voice, audio, document, file or link (at 4)", 4)]
    [InlineData("x before:2026-13-01", "bad date '2026-13-01' at 9", 9)]
    public async Task A_malformed_query_is_a_400_with_its_position(string query, string detail, int position)
    {
        var user = await TestUser.RegisterAsync(grid.First.Http);
        foreach (var path in (string[])[SearchApi.MessagesPath(query), SearchApi.FilesPath(query)])
        {
            var (status, problem) = await SearchApi.GetAsync(grid.First.Http, user, path);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("bad_request", problem.GetProperty("code").GetString());
            Assert.Equal(detail, problem.GetProperty("detail").GetString());
            Assert.Equal(position, problem.GetProperty("position").GetInt32());
        }
    }

    [Theory]
    [InlineData("/api/search/messages")]
    [InlineData("/api/search/messages?q=")]
    [InlineData("/api/search/messages?q=%20%20")]
    [InlineData("/api/search/messages?q=-draft")]
    [InlineData("/api/search/files?q=")]
    public async Task An_empty_or_only_excluding_query_is_refused(string path)
    {
        var user = await TestUser.RegisterAsync(grid.First.Http);
        var (status, problem) = await SearchApi.GetAsync(grid.First.Http, user, path);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("nothing to search for", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("&limit=0")]
    [InlineData("&limit=101")]
    [InlineData("&sort=best")]
    [InlineData("&timeZone=Nowhere/Special")]
    [InlineData("&cursor=not-a-cursor")]
    [InlineData("&cursor=AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Bad_parameters_are_refused(string extra)
    {
        var user = await TestUser.RegisterAsync(grid.First.Http);
        var (status, _) = await SearchApi.GetAsync(grid.First.Http, user, SearchApi.MessagesPath("hello", extra));
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task A_query_over_the_limits_is_refused()
    {
        var user = await TestUser.RegisterAsync(grid.First.Http);
        var (tooLong, _) = await SearchApi.GetAsync(grid.First.Http, user, SearchApi.MessagesPath(new string('a', 513)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        var (tooMany, problem) = await SearchApi.GetAsync(grid.First.Http, user, SearchApi.MessagesPath(string.Join(' ', Enumerable.Range(0, 33).Select(i => $"w{i}"))));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany);
        Assert.StartsWith("more than 32 terms", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Search_needs_a_signed_in_user()
    {
        using var response = await grid.First.Http.GetAsync(SearchApi.MessagesPath("hello"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
