using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Chat.Tests.Accounts;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Files;

/// <summary>Uploading the way a client does: start through the API, PUT to storage, complete through the API.</summary>
public static class FilesApi
{
    public static Task<HttpResponseMessage> StartAsync(this FilesGrid grid, TestUser user, string name, long size, string contentType, string purpose = "message") =>
        grid.First.Http.SendAsync(user, HttpMethod.Post, "/api/files", new { name, size, contentType, purpose });

    /// <summary>Starts an upload of <paramref name="bytes"/> and PUTs them; answers the file id.</summary>
    public static async Task<Guid> UploadAsync(this FilesGrid grid, TestUser user, string name, string contentType, byte[] bytes, long? declaredSize = null)
    {
        var start = await grid.StartAsync(user, name, declaredSize ?? bytes.Length, contentType);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var body = await start.JsonAsync();
        var upload = body.GetProperty("upload");
        Assert.Equal("PUT", upload.GetProperty("method").GetString());
        var put = await grid.PutAsync(upload.GetProperty("url").GetString()!, bytes, contentType);
        Assert.True(put.IsSuccessStatusCode, $"storage refused the PUT: {put.StatusCode}");
        return body.GetProperty("fileId").GetGuid();
    }

    public static async Task<HttpResponseMessage> PutAsync(this FilesGrid grid, string url, byte[] bytes, string? contentType = null)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await grid.Storage.PutAsync(url, content);
    }

    public static Task<HttpResponseMessage> CompleteAsync(this FilesGrid grid, TestUser user, Guid fileId, object? body = null) =>
        grid.First.Http.SendAsync(user, HttpMethod.Post, $"/api/files/{fileId}/complete", body ?? new { });

    public static async Task<Guid> UploadCompletedAsync(this FilesGrid grid, TestUser user, string name, string contentType, byte[] bytes)
    {
        var fileId = await grid.UploadAsync(user, name, contentType, bytes);
        var complete = await grid.CompleteAsync(user, fileId);
        Assert.True(complete.StatusCode == HttpStatusCode.OK, $"complete: {complete.StatusCode} {await complete.Content.ReadAsStringAsync()}");
        return fileId;
    }

    /// <summary>The presigned URL <c>GET /api/files/{id}...</c> answers a JSON caller.</summary>
    public static async Task<string> DownloadUrlAsync(this FilesGrid grid, TestUser user, string path)
    {
        var request = user.Request(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await grid.First.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync()).GetProperty("url").GetString()!;
    }

    /// <summary>The user's <c>user_storage</c> row (zeros when there is none).</summary>
    public static async Task<(long Used, long Reserved, int Count)> StorageRowAsync(this FilesGrid grid, Guid userId)
    {
        await using var dataSource = grid.Grid.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT used_bytes, reserved_bytes, file_count FROM user_storage WHERE user_id = $1");
        command.Parameters.AddWithValue(userId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2)) : (0, 0, 0);
    }

    public static async Task<long> FileRowsAsync(this FilesGrid grid, Guid userId)
    {
        await using var dataSource = grid.Grid.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM files WHERE owner_id = $1");
        command.Parameters.AddWithValue(userId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<long> ScalarAsync(this FilesGrid grid, string sql, params object[] parameters)
    {
        await using var dataSource = grid.Grid.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(this FilesGrid grid, string sql, params object[] parameters)
    {
        await using var dataSource = grid.Grid.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    public static async Task<bool> ObjectExistsAsync(this FilesGrid grid, Guid fileId) =>
        await grid.Objects.GetSizeAsync($"files/{fileId}/original") is not null;

    /// <summary>Nothing stored, nothing charged: no row, no object, a zero storage row.</summary>
    public static async Task AssertNothingKeptAsync(this FilesGrid grid, TestUser user, Guid fileId)
    {
        Assert.False(await grid.ObjectExistsAsync(fileId), "the object is still in storage");
        Assert.Equal(0L, await grid.FileRowsAsync(user.UserId));
        Assert.Equal((0L, 0L, 0), await grid.StorageRowAsync(user.UserId));
    }

    public static async Task<string?> DetailAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
}
