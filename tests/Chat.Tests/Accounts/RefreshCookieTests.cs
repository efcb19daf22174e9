using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

/// <summary>
/// With <c>X-Refresh-Cookie: 1</c> the refresh token travels only in an HttpOnly, Secure,
/// SameSite=Strict cookie scoped to the refresh and logout paths; the JSON body flow stays as the contract says.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class RefreshCookieTests(AccountsGrid fixture)
{
    private HttpClient Http => fixture.First.Http;

    [Fact]
    public async Task A_cookie_login_keeps_the_refresh_token_out_of_the_body_and_refreshes_and_logs_out_by_cookie()
    {
        var user = await TestUser.RegisterAsync(Http);

        using var login = await Http.SendAsync(CookieRequest("/api/auth/login", new { login = user.Username, password = user.Password }));
        var body = await login.JsonAsync();
        var cookies = SetCookies(login);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("refreshToken").ValueKind);
        Assert.Equal(["/api/auth/logout", "/api/auth/refresh"], cookies.Select(c => Attribute(c, "path")).Order(StringComparer.Ordinal));
        Assert.All(cookies, c =>
        {
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("strict", Attribute(c, "samesite"));
        });
        var first = CookieValue(cookies[0]);
        Assert.Equal(first, CookieValue(cookies[1]));

        using var refresh = await Http.SendAsync(CookieRequest("/api/auth/refresh", new { }, first));
        var rotated = CookieValue(SetCookies(refresh)[0]);
        var refreshed = await refresh.JsonAsync();
        using var me = await Http.SendAsync((user with { AccessToken = refreshed.GetProperty("accessToken").GetString()! }).Request(HttpMethod.Get, "/api/users/me"));
        using var logout = await Http.SendAsync(CookieRequest("/api/auth/logout", new { }, rotated));
        using var afterLogout = await Http.SendAsync(CookieRequest("/api/auth/refresh", new { }, rotated));

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal(JsonValueKind.Null, refreshed.GetProperty("refreshToken").ValueKind);
        Assert.NotEqual(first, rotated);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.All(SetCookies(logout), c => Assert.StartsWith("chat_refresh=;", c, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
    }

    [Fact]
    public async Task The_json_body_flow_sets_no_cookie_and_a_refresh_without_token_or_cookie_answers_400()
    {
        var user = await TestUser.RegisterAsync(Http);

        using var refresh = await Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        using var empty = await Http.PostAsJsonAsync("/api/auth/refresh", new { });

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.False(refresh.Headers.Contains("Set-Cookie"));
        Assert.False(string.IsNullOrEmpty((await refresh.JsonAsync()).GetProperty("refreshToken").GetString()));
        await empty.AssertBadRequestAsync("no refresh token anywhere");
    }

    private static HttpRequestMessage CookieRequest(string path, object body, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Refresh-Cookie", "1");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"chat_refresh={cookie}");
        }

        return request;
    }

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    private static string CookieValue(string setCookie) => setCookie.Split(';')[0]["chat_refresh=".Length..];

    private static string? Attribute(string setCookie, string name) =>
        setCookie.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].ToLowerInvariant();
}
