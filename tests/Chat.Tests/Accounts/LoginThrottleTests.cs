using System.Net;
using System.Net.Http.Json;
using Chat.RateLimits;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

/// <summary>Failed sign-ins back off per (account, source address): a stranger elsewhere cannot lock the owner out.</summary>
[Collection(AccountsCollection.Name)]
public sealed class LoginThrottleTests(AccountsGrid fixture) : IAsyncLifetime
{
    private static readonly int FreeFailures = new AbuseLimits().LoginFreeFailuresPerSource;

    private TestFrontend _frontend = null!;

    public async Task InitializeAsync()
    {
        var settings = fixture.Grid.FrontendSettings();
        settings["Network:KnownProxies:0"] = "127.0.0.1";
        _frontend = await TestFrontend.StartAsync(settings);
    }

    public async Task DisposeAsync() => await _frontend.DisposeAsync();

    [Fact]
    public async Task A_stranger_guessing_from_another_address_does_not_lock_the_owner_out()
    {
        var owner = await TestUser.RegisterAsync(fixture.First.Http);
        var stranger = new List<HttpResponseMessage>();
        for (var i = 0; i < FreeFailures * 2; i++)
        {
            stranger.Add(await LoginAsync("203.0.113.66", owner.Username, $"wrong-password-{i}xx"));
        }

        var ownerLogin = await LoginAsync("198.51.100.5", owner.Username, owner.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, stranger[^1].StatusCode);
        Assert.Equal("rate_limited", await stranger[^1].ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.OK, ownerLogin.StatusCode);
    }

    [Fact]
    public async Task The_guessing_source_backs_off_even_with_the_right_password_and_another_frontend_sees_it()
    {
        var owner = await TestUser.RegisterAsync(fixture.First.Http);
        for (var i = 0; i < FreeFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync("203.0.113.77", owner.Username, $"wrong-password-{i}xx")).StatusCode);
        }

        var sixth = await LoginAsync("203.0.113.77", owner.Username, "wrong-password-last");
        var refused = await LoginAsync("203.0.113.77", owner.Username, owner.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, sixth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_wrong_password_when_deleting_the_account_does_not_lock_sign_in()
    {
        var owner = await TestUser.RegisterAsync(fixture.First.Http);
        for (var i = 0; i < FreeFailures * 2; i++)
        {
            await fixture.First.Http.SendAsync(owner.Request(HttpMethod.Delete, "/api/users/me", new { password = $"wrong-password-{i}xx" }));
        }

        var ownerLogin = await LoginAsync("198.51.100.6", owner.Username, owner.Password);

        Assert.Equal(HttpStatusCode.OK, ownerLogin.StatusCode);
    }

    private async Task<HttpResponseMessage> LoginAsync(string clientAddress, string login, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { login, password }) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return await _frontend.Http.SendAsync(request);
    }
}
