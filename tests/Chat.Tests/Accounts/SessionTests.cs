using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class SessionTests(AccountsGrid fixture)
{
    private HttpClient Http => fixture.First.Http;

    [Fact]
    public async Task Sessions_lists_the_live_sessions_with_their_devices_and_marks_the_current_one()
    {
        var user = await TestUser.RegisterAsync(Http);
        var phone = await LoginFromAsync(user, "ChatGrid-Phone/1.0");
        var laptop = await LoginFromAsync(user, "ChatGrid-Laptop/2.0");
        await Http.PostAsJsonAsync("/api/auth/logout", new { refreshToken = laptop.RefreshToken });

        var sessions = await ListAsync(user with { AccessToken = phone.AccessToken });

        Assert.Equal(2, sessions.Count);
        var current = Assert.Single(sessions, s => s.GetProperty("current").GetBoolean());
        Assert.Equal("ChatGrid-Phone/1.0", current.GetProperty("deviceName").GetString());
        Assert.All(sessions, s =>
        {
            Assert.True(s.GetProperty("sessionId").TryGetGuid(out _));
            Assert.True(s.GetProperty("createdAt").GetDateTimeOffset() <= s.GetProperty("lastUsedAt").GetDateTimeOffset().AddSeconds(1));
        });
        Assert.DoesNotContain(sessions, s => s.GetProperty("deviceName").GetString() == "ChatGrid-Laptop/2.0");
    }

    [Fact]
    public async Task Revoking_a_session_ends_its_refresh_token_and_removes_it_from_the_list()
    {
        var user = await TestUser.RegisterAsync(Http);
        var other = await LoginFromAsync(user, "ChatGrid-Tablet/3.0");
        var otherId = (await ListAsync(user)).Single(s => !s.GetProperty("current").GetBoolean()).GetProperty("sessionId").GetGuid();

        var revoke = await Http.SendAsync(user, HttpMethod.Delete, $"/api/auth/sessions/{otherId}");
        var refresh = await Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = other.RefreshToken });
        var revokeAgain = await Http.SendAsync(user, HttpMethod.Delete, $"/api/auth/sessions/{otherId}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revokeAgain.StatusCode);
        Assert.DoesNotContain(await ListAsync(user), s => s.GetProperty("sessionId").GetGuid() == otherId);
        Assert.Single(await ListAsync(user));
    }

    [Fact]
    public async Task Revoking_someone_elses_or_an_unknown_session_answers_404_and_writes_nothing()
    {
        var user = await TestUser.RegisterAsync(Http);
        var stranger = await TestUser.RegisterAsync(Http);
        var strangersSession = (await ListAsync(stranger)).Single().GetProperty("sessionId").GetGuid();
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var someoneElses = await Http.SendAsync(user, HttpMethod.Delete, $"/api/auth/sessions/{strangersSession}");
        var unknown = await Http.SendAsync(user, HttpMethod.Delete, $"/api/auth/sessions/{Guid.NewGuid()}");
        var malformed = await Http.SendAsync(user, HttpMethod.Delete, "/api/auth/sessions/not-a-session");
        var anonymousList = await Http.SendRawAsync(null, HttpMethod.Get, "/api/auth/sessions", null);
        var anonymousRevoke = await Http.SendRawAsync(null, HttpMethod.Delete, $"/api/auth/sessions/{strangersSession}", null);

        Assert.Equal(HttpStatusCode.NotFound, someoneElses.StatusCode);
        Assert.Equal("not_found", await someoneElses.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("bad_request", await malformed.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousList.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousRevoke.StatusCode);
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = stranger.RefreshToken })).StatusCode);
    }

    private async Task<TestUser.TokenBody> LoginFromAsync(TestUser user, string device)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { login = user.Username, password = user.Password }),
        };
        request.Headers.UserAgent.ParseAdd(device);
        var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TestUser.TokenBody>())!;
    }

    private async Task<List<JsonElement>> ListAsync(TestUser user)
    {
        var response = await Http.SendAsync(user, HttpMethod.Get, "/api/auth/sessions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.JsonAsync()).EnumerateArray()];
    }
}
