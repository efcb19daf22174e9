using System.Net.Http.Json;

namespace Chat.Tests.Infrastructure;

/// <summary>A user signed up through the real API, with its tokens.</summary>
public sealed record TestUser(Guid UserId, string Username, string Password, string AccessToken, string RefreshToken)
{
    public const string DefaultPassword = "correct-horse-battery-9";

    public static async Task<TestUser> RegisterAsync(HttpClient http, string? username = null, string? displayName = null)
    {
        username ??= $"u{Guid.NewGuid():N}"[..20];
        var response = await http.PostAsJsonAsync("/api/auth/register",
            new { username, email = $"{username}@example.test", password = DefaultPassword, displayName = displayName ?? username });
        response.EnsureSuccessStatusCode();
        var tokens = (await response.Content.ReadFromJsonAsync<TokenBody>())!;
        return new TestUser(tokens.UserId, username, DefaultPassword, tokens.AccessToken, tokens.RefreshToken);
    }

    public HttpRequestMessage Request(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", AccessToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public sealed record TokenBody(Guid UserId, string AccessToken, string RefreshToken, int ExpiresIn);
}
