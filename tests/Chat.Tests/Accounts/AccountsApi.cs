using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

/// <summary>Small helpers for calling the accounts API as a test user and reading problem codes.</summary>
public static class AccountsApi
{
    public static Task<HttpResponseMessage> SendAsync(this HttpClient http, TestUser user, HttpMethod method, string path, object? body = null) =>
        http.SendAsync(user.Request(method, path, body));

    /// <summary>Sends <paramref name="rawJson"/> exactly as given as JSON (null: an empty JSON request), to test malformed input.</summary>
    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient http, TestUser? user, HttpMethod method, string path, string? rawJson)
    {
        var request = new HttpRequestMessage(method, path);
        if (user is not null)
        {
            request.Headers.Authorization = new("Bearer", user.AccessToken);
        }

        if (method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            request.Content = new StringContent(rawJson ?? "", Encoding.UTF8, "application/json");
        }

        return http.SendAsync(request);
    }

    /// <summary>The answer every refused bad input gets: 400 with the <c>bad_request</c> problem code.</summary>
    public static async Task AssertBadRequestAsync(this HttpResponseMessage response, string why)
    {
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.BadRequest, $"{why}: {response.RequestMessage?.RequestUri} {response.StatusCode}");
        Assert.Equal("bad_request", await response.ProblemCodeAsync());
    }

    public static async Task<string?> ProblemCodeAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || body.Length == 0)
        {
            return null;
        }

        return JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient http, TestUser user, string? totpCode = null, string? password = null) =>
        http.PostAsJsonAsync("/api/auth/login", new { login = user.Username, password = password ?? user.Password, totpCode });
}
