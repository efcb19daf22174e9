using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chat.FileUploadLoad;

/// <summary>The upload calls of docs/protocol.md "Files", as a client makes them.</summary>
internal sealed class Uploads(HttpClient api, HttpClient storage)
{
    public async Task<string> RegisterAsync()
    {
        var name = $"up{Guid.NewGuid():N}"[..20];
        var response = await api.PostAsJsonAsync("/api/auth/register", new { username = name, email = $"{name}@example.test", password = "correct-horse-battery-9", displayName = name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public async Task<JsonElement> StartAsync(string token, long size) =>
        await SendAsync(token, HttpMethod.Post, "/api/files", new { name = "load.bin", size, contentType = "application/octet-stream", purpose = "message" });

    public Task<JsonElement> ResumeAsync(string token, Guid fileId) => SendAsync(token, HttpMethod.Get, $"/api/files/{fileId}/upload");

    public Task<JsonElement> CompleteAsync(string token, Guid fileId, IEnumerable<(int Number, string ETag)> parts) =>
        SendAsync(token, HttpMethod.Post, $"/api/files/{fileId}/complete", new { parts = parts.Select(part => new { partNumber = part.Number, etag = part.ETag }) });

    public Task RecordPartAsync(string token, Guid fileId, int number, string etag) =>
        SendAsync(token, HttpMethod.Put, $"/api/files/{fileId}/parts/{number}", new { etag });

    public Task DeleteAsync(string token, Guid fileId) => SendAsync(token, HttpMethod.Delete, $"/api/files/{fileId}");

    public Task<JsonElement> DownloadUrlAsync(string token, Guid fileId) => SendAsync(token, HttpMethod.Get, $"/api/files/{fileId}", accept: "application/json");

    /// <summary>Uploads a file of <paramref name="size"/> bytes (parts cut from <paramref name="buffer"/>) and completes it.</summary>
    public async Task<Guid> UploadWholeAsync(string token, long size, byte[] buffer)
    {
        var start = await StartAsync(token, size);
        var fileId = start.GetProperty("fileId").GetGuid();
        var upload = start.GetProperty("upload");
        var partSize = upload.GetProperty("partSize").GetInt64();
        var parts = new List<(int, string)>();
        foreach (var part in upload.GetProperty("parts").EnumerateArray())
        {
            var number = part.GetProperty("partNumber").GetInt32();
            var etag = await PutPartAsync(part.GetProperty("url").GetString()!, buffer, PartLength(size, partSize, number));
            await RecordPartAsync(token, fileId, number, etag);
            parts.Add((number, etag));
        }

        // Completing again answers the same file, so a timed-out completion is simply asked again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CompleteAsync(token, fileId, parts);
                return fileId;
            }
            catch (InvalidOperationException exception) when (attempt < 5 && exception.Message.Contains(": 503 ", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }

    public static int PartLength(long size, long partSize, int number) => (int)Math.Min(partSize, size - (number - 1) * partSize);

    public async Task<string> PutPartAsync(string url, byte[] buffer, int length, CancellationToken cancellationToken = default)
    {
        var response = await storage.PutAsync(url, new ByteArrayContent(buffer, 0, length), cancellationToken);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!.Tag;
    }

    private async Task<JsonElement> SendAsync(string token, HttpMethod method, string path, object? body = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
