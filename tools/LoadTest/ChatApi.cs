using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Chat.LoadTest;

/// <summary>An HTTP answer that was not a success, with the server's problem details.</summary>
internal sealed class ApiException(HttpStatusCode status, string method, string path, ProblemDetails? problem, string body)
    : Exception($"{method} {path}: {(int)status} {problem?.Code ?? problem?.Type} {problem?.Detail ?? problem?.Title ?? body}".TrimEnd())
{
    public HttpStatusCode Status { get; } = status;
    public ProblemDetails? Problem { get; } = problem;
}

/// <summary>The REST calls the tool makes. 429 and 503 are waited out (Retry-After) a bounded number of times.</summary>
internal sealed class ChatApi(Uri baseUri) : IDisposable
{
    private const int MaxRetries = 30;
    private static readonly TimeSpan MaxRetryWait = TimeSpan.FromSeconds(65);

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = baseUri,
        Timeout = TimeSpan.FromSeconds(100),
    };

    public Uri BaseUri => baseUri;

    /// <summary>Times a request was refused with 429 and waited out; sign-up is rate limited per address.</summary>
    public int RateLimitedWaits;

    public Task<TokenResponse> RegisterAsync(RegisterRequest request) =>
        SendAsync<TokenResponse>(HttpMethod.Post, "api/auth/register", request, token: null, HttpStatusCode.Created);

    public Task<TokenResponse> LoginAsync(LoginRequest request) =>
        SendAsync<TokenResponse>(HttpMethod.Post, "api/auth/login", request, token: null, HttpStatusCode.OK);

    public Task<TokenResponse> RefreshAsync(string refreshToken) =>
        SendAsync<TokenResponse>(HttpMethod.Post, "api/auth/refresh", new RefreshRequest(refreshToken), token: null, HttpStatusCode.OK);

    public Task<ConversationResponse> CreateConversationAsync(string token, CreateConversationRequest request) =>
        SendAsync<ConversationResponse>(HttpMethod.Post, "api/conversations", request, token, HttpStatusCode.Created);

    public Task<ConversationResponse> GetConversationAsync(string token, Guid conversationId) =>
        SendAsync<ConversationResponse>(HttpMethod.Get, $"api/conversations/{conversationId}", body: null, token, HttpStatusCode.OK);

    public Task<ConversationResponse> AddMembersAsync(string token, Guid conversationId, IReadOnlyList<Guid> userIds) =>
        SendAsync<ConversationResponse>(HttpMethod.Post, $"api/conversations/{conversationId}/members", new AddMembersRequest(userIds), token, HttpStatusCode.OK);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string? token, HttpStatusCode expected)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, body.GetType(), options: Json.Options);
            }

            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            request.Headers.UserAgent.ParseAdd("ChatGrid-LoadTest/1.0");
            using var response = await _http.SendAsync(request);
            if (response.StatusCode == expected)
            {
                return (await response.Content.ReadFromJsonAsync<T>(Json.Options))
                    ?? throw new InvalidOperationException($"{method} {path}: empty answer");
            }

            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && attempt < MaxRetries)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Interlocked.Increment(ref RateLimitedWaits);
                }

                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                await Task.Delay(wait > MaxRetryWait ? MaxRetryWait : wait + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250)));
                continue;
            }

            ProblemDetails? problem = null;
            try
            {
                problem = System.Text.Json.JsonSerializer.Deserialize<ProblemDetails>(text, Json.Options);
            }
            catch (System.Text.Json.JsonException)
            {
            }

            throw new ApiException(response.StatusCode, method.Method, "/" + path, problem, text.Length > 300 ? text[..300] : text);
        }
    }

    public void Dispose() => _http.Dispose();
}
