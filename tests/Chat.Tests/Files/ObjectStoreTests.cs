using System.Net;
using Chat.Files.Storage;
using Chat.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Chat.Tests.Files;

/// <summary>The object store and multipart uploads against the real S3 endpoint (s3rver locally).</summary>
public sealed class ObjectStoreTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IObjectStore _store;
    private readonly IMultipartUploads _multipart;
    private readonly HttpClient _http = new();

    public ObjectStoreTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestEnvironment.StorageSettings).Build();
        _services = new ServiceCollection().AddLogging().AddFileStorage(configuration).BuildServiceProvider();
        _store = _services.GetRequiredService<IObjectStore>();
        _multipart = _services.GetRequiredService<IMultipartUploads>();
    }

    [Fact]
    public async Task A_presigned_put_stores_the_bytes_and_a_presigned_get_reads_them_back_as_an_attachment()
    {
        var key = $"tests/{Guid.NewGuid():N}/original";
        var bytes = RandomBytes(70_000);

        var put = await _http.PutAsync(await _store.PresignPutAsync(key, "application/pdf", TimeSpan.FromMinutes(1)), new ByteArrayContent(bytes));
        put.EnsureSuccessStatusCode();
        var get = await _http.GetAsync(await _store.PresignGetAsync(key, "application/pdf", "report \"final\".pdf", TimeSpan.FromMinutes(1)));

        Assert.Equal(bytes.Length, await _store.GetSizeAsync(key));
        Assert.Equal(bytes[..16], await _store.ReadHeadAsync(key, 16));
        Assert.Equal(bytes, await get.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", get.Content.Headers.ContentDisposition?.DispositionType);
        await _store.DeletePrefixAsync($"{key[..^"original".Length]}");
        Assert.Null(await _store.GetSizeAsync(key));
    }

    [Fact]
    public async Task A_multipart_upload_through_presigned_part_urls_joins_the_parts_in_order()
    {
        var key = $"tests/{Guid.NewGuid():N}/original";
        const int partSize = 5 * 1024 * 1024;
        var bytes = RandomBytes(partSize * 2 + 1234);
        var uploadId = await _multipart.StartAsync(key, "video/mp4");
        var parts = new List<UploadedPart>();
        for (var n = 1; n <= 3; n++)
        {
            var slice = bytes.AsMemory((n - 1) * partSize, Math.Min(partSize, bytes.Length - (n - 1) * partSize)).ToArray();
            var response = await _http.PutAsync(await _multipart.PresignPartAsync(key, uploadId, n, TimeSpan.FromMinutes(5)), new ByteArrayContent(slice));
            response.EnsureSuccessStatusCode();
            parts.Add(new UploadedPart(n, response.Headers.ETag!.Tag));
        }

        await _multipart.CompleteAsync(key, uploadId, parts);

        var stored = await _http.GetByteArrayAsync(await _store.PresignGetAsync(key, "video/mp4", null, TimeSpan.FromMinutes(1)));
        Assert.Equal(bytes, stored);
        await _store.DeleteAsync(key);
    }

    [Fact]
    public async Task An_aborted_multipart_upload_leaves_no_object()
    {
        var key = $"tests/{Guid.NewGuid():N}/original";
        var uploadId = await _multipart.StartAsync(key, "video/mp4");
        var response = await _http.PutAsync(await _multipart.PresignPartAsync(key, uploadId, 1, TimeSpan.FromMinutes(5)), new ByteArrayContent(RandomBytes(1000)));
        response.EnsureSuccessStatusCode();

        await _multipart.AbortAsync(key, uploadId);
        await _multipart.AbortAsync(key, uploadId);

        Assert.Null(await _store.GetSizeAsync(key));
    }

    [Fact]
    public async Task A_presigned_url_refuses_once_its_lifetime_is_over()
    {
        var key = $"tests/{Guid.NewGuid():N}/original";
        var url = await _store.PresignPutAsync(key, "image/png", TimeSpan.FromSeconds(1));

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var put = await _http.PutAsync(url, new ByteArrayContent(RandomBytes(100)));

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Null(await _store.GetSizeAsync(key));
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    public void Dispose()
    {
        _http.Dispose();
        _services.Dispose();
    }
}
