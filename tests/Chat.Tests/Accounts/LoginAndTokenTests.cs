using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chat.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class LoginAndTokenTests(AccountsGrid fixture)
{
    private HttpClient Http => fixture.First.Http;

    [Fact]
    public async Task Login_works_by_username_or_email_and_a_wrong_password_answers_401()
    {
        var user = await TestUser.RegisterAsync(Http);

        var byUsername = await Http.PostAsJsonAsync("/api/auth/login", new { login = user.Username.ToUpperInvariant(), password = user.Password });
        var byEmail = await Http.PostAsJsonAsync("/api/auth/login", new { login = $"{user.Username}@example.test", password = user.Password });
        var wrong = await Http.PostAsJsonAsync("/api/auth/login", new { login = user.Username, password = "wrong-password-123" });
        var nobody = await Http.PostAsJsonAsync("/api/auth/login", new { login = "nobody_" + Guid.NewGuid().ToString("N")[..8], password = "wrong-password-123" });

        Assert.Equal(HttpStatusCode.OK, byUsername.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byEmail.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        Assert.Equal("unauthorized", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Six_failed_logins_from_one_address_make_it_wait_with_429_and_retry_after_even_for_the_right_password()
    {
        var user = await TestUser.RegisterAsync(Http);
        for (var i = 0; i < 6; i++)
        {
            var failure = await Http.PostAsJsonAsync("/api/auth/login", new { login = user.Username, password = $"wrong-password-{i}xx" });
            Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        }

        // Through the other Frontend: the count is the cluster's, not one process's.
        var locked = await fixture.Second.Http.PostAsJsonAsync("/api/auth/login", new { login = user.Username, password = user.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("rate_limited", (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Refresh_rotates_and_replaying_a_spent_token_revokes_the_whole_family()
    {
        var user = await TestUser.RegisterAsync(Http);

        var rotated = await Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var next = (await rotated.Content.ReadFromJsonAsync<TestUser.TokenBody>())!;
        Assert.NotEqual(user.RefreshToken, next.RefreshToken);

        var replay = await Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        var afterReplay = await Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = next.RefreshToken });

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterReplay.StatusCode);
    }

    [Fact]
    public async Task Logout_spends_the_session()
    {
        var user = await TestUser.RegisterAsync(Http);

        var logout = await Http.PostAsJsonAsync("/api/auth/logout", new { refreshToken = user.RefreshToken });
        var refresh = await Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task Expired_forged_and_unsigned_tokens_are_refused_and_a_retired_key_still_verifies()
    {
        var user = await TestUser.RegisterAsync(Http);
        var expired = Token(TestEnvironment.JwtKey, user.UserId, DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1));
        var forged = Token("someone-elses-key-0123456789-0123456789-abc", user.UserId, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5));
        var retired = Token(AccountsGrid.RetiredKey, user.UserId, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5));
        var unsigned = UnsignedToken(user.UserId);

        Assert.Equal(HttpStatusCode.OK, await MeAsync(user.AccessToken));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(retired));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(expired));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(forged));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(unsigned));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(null));
        await Assert.ThrowsAnyAsync<Exception>(() => ChatConnection.ConnectAsync(fixture.First.Address, user with { AccessToken = forged }));
    }

    [Fact]
    public async Task No_password_or_token_appears_in_any_log_line()
    {
        var user = await TestUser.RegisterAsync(Http);
        await Http.PostAsJsonAsync("/api/auth/login", new { login = user.Username, password = "wrong-password-zz9" });
        var login = await Http.PostAsJsonAsync("/api/auth/login", new { login = user.Username, password = user.Password });
        var tokens = (await login.Content.ReadFromJsonAsync<TestUser.TokenBody>())!;
        await Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        await Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        await MeAsync(tokens.AccessToken);

        var secrets = new[] { user.Password, "wrong-password-zz9", user.RefreshToken, tokens.RefreshToken, tokens.AccessToken, user.AccessToken };
        Assert.NotEmpty(CapturedLogs.Shared.Lines);
        foreach (var line in CapturedLogs.Shared.Lines)
        {
            foreach (var secret in secrets)
            {
                Assert.False(line.Contains(secret, StringComparison.Ordinal), $"a secret was logged: {line[..Math.Min(400, line.Length)]}");
            }
        }
    }

    private async Task<HttpStatusCode> MeAsync(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/me");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return (await Http.SendAsync(request)).StatusCode;
    }

    private static string Token(string key, Guid userId, DateTime notBefore, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "chatgrid",
        Audience = "chatgrid",
        NotBefore = notBefore,
        IssuedAt = notBefore,
        Expires = expires,
        Claims = new Dictionary<string, object> { ["sub"] = userId.ToString(), ["sid"] = Guid.NewGuid().ToString() },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });

    private static string UnsignedToken(Guid userId)
    {
        static string Part(object value) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(value));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"{Part(new { alg = "none", typ = "JWT" })}.{Part(new { sub = userId.ToString(), iss = "chatgrid", aud = "chatgrid", nbf = now, exp = now + 300 })}.";
    }
}
