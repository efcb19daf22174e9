using System.Net;
using Chat.RateLimits;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class DataExportLimitTests(AccountsGrid fixture)
{
    [Fact]
    public async Task Fifteen_exports_at_once_start_at_most_the_daily_number_and_the_rest_answer_429()
    {
        var user = await TestUser.RegisterAsync(fixture.First.Http);

        var answers = await Task.WhenAll(Enumerable.Range(0, 15).Select(i =>
            (i % 2 == 0 ? fixture.First.Http : fixture.Second.Http).SendAsync(user, HttpMethod.Post, "/api/users/me/export")));

        Assert.InRange(answers.Count(a => a.StatusCode == HttpStatusCode.Accepted), 1, new AbuseLimits().DataExportsPerDay);
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.Accepted).ToList();
        Assert.All(refused, a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.All(refused, a => Assert.True(a.Headers.RetryAfter?.Delta > TimeSpan.Zero));
    }

    [Fact]
    public async Task Finished_exports_count_against_the_daily_number()
    {
        var user = await TestUser.RegisterAsync(fixture.First.Http);
        for (var i = 0; i < new AbuseLimits().DataExportsPerDay; i++)
        {
            var start = await fixture.First.Http.SendAsync(user, HttpMethod.Post, "/api/users/me/export");
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
            var path = $"/api/users/me/export/{(await start.JsonAsync()).GetProperty("exportId").GetGuid()}";
            await Eventually.StatusAsync(HttpStatusCode.OK, () => fixture.First.Http.SendAsync(user, HttpMethod.Get, path));
        }

        var over = await fixture.Second.Http.SendAsync(user, HttpMethod.Post, "/api/users/me/export");

        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal("rate_limited", await over.ProblemCodeAsync());
        Assert.True(over.Headers.RetryAfter?.Delta > TimeSpan.FromHours(23));
    }
}
