using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Frontend.Auth;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Accounts;

/// <summary>
/// Revocation reaches live sessions on every Frontend: the access tokens of a session ended by
/// logout, revoke, password reset or account deletion are refused on the next request and on new
/// hub connections, and its open sockets close at once, wherever they are.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class SessionRevocationTests(AccountsGrid fixture)
{
    private static readonly TimeSpan CloseWithin = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Logout_refuses_the_sessions_access_token_everywhere_and_closes_its_sockets_on_both_frontends()
    {
        var user = await TestUser.RegisterAsync(fixture.First.Http);
        await using var onFirst = await OpenAsync(fixture.First.Address, user);
        await using var onSecond = await OpenAsync(fixture.Second.Address, user);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Second.Http.SendAsync(user, HttpMethod.Get, "/api/users/me")).StatusCode);

        var logout = await fixture.First.Http.PostAsJsonAsync("/api/auth/logout", new { refreshToken = user.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await AssertRefusedAsync(user);
        await onFirst.AssertClosedAsync();
        await onSecond.AssertClosedAsync();
    }

    [Fact]
    public async Task Revoking_a_session_closes_only_that_sessions_sockets_and_refuses_only_its_tokens()
    {
        var user = await TestUser.RegisterAsync(fixture.First.Http);
        var laptop = await LoginAsync(user);
        await using var laptopSocket = await OpenAsync(fixture.Second.Address, laptop);
        await using var phoneSocket = await OpenAsync(fixture.Second.Address, user);
        var laptopSession = await CurrentSessionAsync(laptop);

        var revoke = await fixture.First.Http.SendAsync(user, HttpMethod.Delete, $"/api/auth/sessions/{laptopSession}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await AssertRefusedAsync(laptop);
        await laptopSocket.AssertClosedAsync();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Second.Http.SendAsync(user, HttpMethod.Get, "/api/users/me")).StatusCode);
        Assert.Equal(HubConnectionState.Connected, phoneSocket.Hub.State);
        await phoneSocket.Hub.InvokeAsync<JsonElement>("Sync", Array.Empty<object>());
        await using var fresh = await OpenAsync(fixture.First.Address, user);
        Assert.Equal(HubConnectionState.Connected, fresh.Hub.State);
    }

    [Fact]
    public async Task A_password_reset_refuses_every_session_and_closes_every_socket()
    {
        var user = await TestUser.RegisterAsync(fixture.First.Http);
        var other = await LoginAsync(user);
        await using var first = await OpenAsync(fixture.First.Address, user);
        await using var second = await OpenAsync(fixture.Second.Address, other);

        await fixture.First.Http.PostAsJsonAsync("/api/auth/password/forgot", new { email = $"{user.Username}@example.test" });
        var (_, token) = await MailSink.WaitForAsync(fixture.MailFolder, $"{user.Username}@example.test", "reset-password");
        var reset = await fixture.Second.Http.PostAsJsonAsync("/api/auth/password/reset", new { token, newPassword = "a-brand-new-passphrase-78" });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await AssertRefusedAsync(user);
        await AssertRefusedAsync(other);
        await first.AssertClosedAsync();
        await second.AssertClosedAsync();
    }

    [Fact]
    public async Task Deleting_the_account_refuses_its_tokens_at_once_and_closes_its_sockets()
    {
        var user = await TestUser.RegisterAsync(fixture.First.Http);
        await using var socket = await OpenAsync(fixture.Second.Address, user);

        var delete = await fixture.First.Http.SendAsync(user, HttpMethod.Delete, "/api/users/me", new { password = user.Password });

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var list = await fixture.Second.Http.SendAsync(user, HttpMethod.Get, "/api/conversations");
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal("unauthorized", await list.ProblemCodeAsync());
        await AssertRefusedAsync(user);
        await socket.AssertClosedAsync();
    }

    [Fact]
    public async Task A_frontend_that_starts_after_a_revocation_refuses_the_sessions_tokens()
    {
        var user = await TestUser.RegisterAsync(fixture.First.Http);
        await fixture.First.Http.PostAsJsonAsync("/api/auth/logout", new { refreshToken = user.RefreshToken });
        var settings = fixture.Grid.FrontendSettings();
        settings["Email:SinkFolder"] = fixture.MailFolder;
        await using var late = await TestFrontend.StartAsync(settings);

        var answer = await late.Http.SendAsync(user, HttpMethod.Get, "/api/users/me");
        var negotiate = await late.Http.PostAsync($"/hubs/chat/negotiate?negotiateVersion=1&access_token={user.AccessToken}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    [Fact]
    public async Task Revocations_are_checked_in_memory_and_forgotten_once_their_tokens_have_expired()
    {
        var issuer = fixture.First.Services.GetRequiredService<AccessTokenIssuer>();
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var revoked = new RevokedSessions(issuer, clock);
        var session = Guid.NewGuid();

        var fresh = revoked.Add([new Chat.Accounts.RevokedSession(session, Guid.NewGuid(), clock.GetUtcNow())]);
        var again = revoked.Add([new Chat.Accounts.RevokedSession(session, Guid.NewGuid(), clock.GetUtcNow())]);
        clock.Now += issuer.Lifetime;
        revoked.Prune();
        var heldWhileTokensLive = revoked.IsRevoked(session);
        clock.Now += AccessTokenIssuer.ClockSkew + TimeSpan.FromSeconds(1);
        revoked.Prune();

        Assert.Single(fresh);
        Assert.Empty(again);
        Assert.True(heldWhileTokensLive);
        Assert.False(revoked.IsRevoked(session));
        Assert.False(revoked.IsRevoked(null));
    }

    /// <summary>REST on both Frontends and a new hub connection on both answer 401 <c>unauthorized</c>.</summary>
    private async Task AssertRefusedAsync(TestUser user)
    {
        foreach (var frontend in new[] { fixture.First, fixture.Second })
        {
            var rest = await frontend.Http.SendAsync(user, HttpMethod.Get, "/api/users/me");
            Assert.Equal(HttpStatusCode.Unauthorized, rest.StatusCode);
            Assert.Equal("unauthorized", await rest.ProblemCodeAsync());

            var negotiate = await frontend.Http.PostAsync($"/hubs/chat/negotiate?negotiateVersion=1&access_token={user.AccessToken}", null);
            Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
            Assert.Equal("unauthorized", await negotiate.ProblemCodeAsync());
            await Assert.ThrowsAnyAsync<Exception>(() => ChatConnection.ConnectAsync(frontend.Address, user));
        }
    }

    private async Task<TestUser> LoginAsync(TestUser user)
    {
        var tokens = (await (await fixture.First.Http.LoginAsync(user)).Content.ReadFromJsonAsync<TestUser.TokenBody>())!;
        return user with { AccessToken = tokens.AccessToken, RefreshToken = tokens.RefreshToken };
    }

    private async Task<Guid> CurrentSessionAsync(TestUser user)
    {
        var sessions = await (await fixture.First.Http.SendAsync(user, HttpMethod.Get, "/api/auth/sessions")).JsonAsync();
        return sessions.EnumerateArray().Single(s => s.GetProperty("current").GetBoolean()).GetProperty("sessionId").GetGuid();
    }

    private static async Task<WatchedSocket> OpenAsync(Uri frontend, TestUser user)
    {
        var connection = await ChatConnection.ConnectAsync(frontend, user);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return new WatchedSocket(connection, closed.Task);
    }

    private sealed record WatchedSocket(ChatConnection Connection, Task Closed) : IAsyncDisposable
    {
        public HubConnection Hub => Connection.Hub;

        public async Task AssertClosedAsync()
        {
            await Closed.WaitAsync(CloseWithin);
            Assert.Equal(HubConnectionState.Disconnected, Hub.State);
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
