using System.Net;
using System.Net.Http.Json;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class RefreshRateLimitTests(AccountsGrid fixture)
{
    [Fact]
    public async Task The_eleventh_refresh_of_a_session_in_a_minute_answers_429_on_any_frontend_and_spends_nothing()
    {
        var user = await TestUser.RegisterAsync(fixture.First.Http);
        var otherSession = (await (await fixture.First.Http.LoginAsync(user)).Content.ReadFromJsonAsync<TestUser.TokenBody>())!;
        var token = user.RefreshToken;
        for (var i = 0; i < 10; i++)
        {
            var http = i % 2 == 0 ? fixture.First.Http : fixture.Second.Http;
            var refreshed = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token });
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
            token = (await refreshed.Content.ReadFromJsonAsync<TestUser.TokenBody>())!.RefreshToken;
        }

        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);
        var limited = await fixture.Second.Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("rate_limited", await limited.ProblemCodeAsync());
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
        Assert.Equal(HttpStatusCode.OK, (await fixture.First.Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = otherSession.RefreshToken })).StatusCode);
    }
}
