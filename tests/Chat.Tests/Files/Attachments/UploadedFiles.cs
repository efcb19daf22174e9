using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Files.Attachments;

/// <summary>Files uploaded the way clients upload them: start, PUT the bytes to storage, complete; and downloads as a member asks for them.</summary>
internal static class UploadedFiles
{
    // A document: others download the original at once (an image waits for its clean copy, made by the previews).
    public static readonly byte[] Pdf = TestFiles.Pdf();

    private static readonly HttpClient Storage = new();

    public static async Task<Guid> UploadAsync(HttpClient http, TestUser user, byte[] bytes, string name = "terms.pdf", string contentType = "application/pdf")
    {
        using var start = await http.SendAsync(user.Request(HttpMethod.Post, "/api/files", new { name, size = bytes.Length, contentType, purpose = "message" }));
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var created = await start.Content.ReadFromJsonAsync<JsonElement>();
        var fileId = created.GetProperty("fileId").GetGuid();
        var upload = created.GetProperty("upload");
        Assert.Equal("PUT", upload.GetProperty("method").GetString());

        using var put = new HttpRequestMessage(HttpMethod.Put, upload.GetProperty("url").GetString()) { Content = new ByteArrayContent(bytes) };
        if (upload.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headers.EnumerateObject())
            {
                if (!put.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString()))
                {
                    put.Content.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
                }
            }
        }

        using (var stored = await Storage.SendAsync(put))
        {
            stored.EnsureSuccessStatusCode();
        }

        using var complete = await http.SendAsync(user.Request(HttpMethod.Post, $"/api/files/{fileId}/complete", new { }));
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        return fileId;
    }

    /// <summary>What <paramref name="user"/> gets for <c>GET /api/files/{id}</c>: the bytes, or the status that refused them.</summary>
    public static async Task<(HttpStatusCode Status, byte[]? Bytes)> DownloadAsync(HttpClient http, TestUser user, Guid fileId)
    {
        using var request = user.Request(HttpMethod.Get, $"/api/files/{fileId}");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null);
        }

        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString();
        return (HttpStatusCode.OK, await Storage.GetByteArrayAsync(url));
    }
}
