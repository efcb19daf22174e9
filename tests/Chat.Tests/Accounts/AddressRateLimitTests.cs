using System.Net;
using System.Net.Http.Json;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class AddressRateLimitTests(AccountsGrid fixture)
{
    [Fact]
    public async Task Auth_requests_beyond_the_per_address_limit_answer_429_with_retry_after()
    {
        var settings = fixture.Grid.FrontendSettings();
        settings["Frontend:AuthRequestsPerMinutePerIp"] = "3";
        await using var frontend = await TestFrontend.StartAsync(settings);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await frontend.Http.PostAsJsonAsync("/api/auth/login", new { login = "nobody_at_all", password = "wrong-password-123" }));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.NotNull(answers[3].Headers.RetryAfter);
    }
}
