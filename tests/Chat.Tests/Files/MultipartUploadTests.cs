using System.Net;
using System.Security.Cryptography;
using Chat.Tests.Accounts;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Files;

[Collection(FilesCollection.Name)]
public sealed class MultipartUploadTests(FilesGrid fixture)
{
    private const int MiB = 1024 * 1024;

    private HttpClient Http => fixture.First.Http;

    [Fact]
    public async Task A_multipart_upload_resumed_after_two_of_three_parts_completes_byte_identical()
    {
        var user = await TestUser.RegisterAsync(Http);
        // Over the 64 MiB threshold: parts of 32 MiB, so three of them (32 + 32 + 1).
        var bytes = TestFiles.Random(65 * MiB);
        var start = await (await fixture.StartAsync(user, "archive.bin", bytes.Length, "application/octet-stream")).JsonAsync();
        var fileId = start.GetProperty("fileId").GetGuid();
        var upload = start.GetProperty("upload");
        var partSize = upload.GetProperty("partSize").GetInt64();
        var parts = upload.GetProperty("parts").EnumerateArray().ToDictionary(part => part.GetProperty("partNumber").GetInt32(), part => part.GetProperty("url").GetString()!);
        Assert.Equal("multipart", upload.GetProperty("method").GetString());
        Assert.Equal(32L * MiB, partSize);
        Assert.Equal([1, 2, 3], parts.Keys.Order());

        foreach (var number in (int[])[1, 2])
        {
            var etag = await PutPartAsync(parts[number], bytes, number, partSize);
            var record = await Http.SendAsync(user, HttpMethod.Put, $"/api/files/{fileId}/parts/{number}", new { etag });
            Assert.Equal(HttpStatusCode.NoContent, record.StatusCode);
        }

        // The connection dropped here; the client comes back and asks what is left.
        var resume = await (await Http.SendAsync(user, HttpMethod.Get, $"/api/files/{fileId}/upload")).JsonAsync();
        var uploaded = resume.GetProperty("uploadedParts").EnumerateArray().Select(part => part.GetProperty("partNumber").GetInt32()).ToList();
        var left = resume.GetProperty("upload").GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal("pending", resume.GetProperty("status").GetString());
        Assert.Equal([1, 2], uploaded);
        var third = Assert.Single(left);
        Assert.Equal(3, third.GetProperty("partNumber").GetInt32());
        var thirdEtag = await PutPartAsync(third.GetProperty("url").GetString()!, bytes, 3, partSize);

        var complete = await fixture.CompleteAsync(user, fileId, new { parts = new[] { new { partNumber = 3, etag = thirdEtag } } });

        Assert.True(complete.StatusCode == HttpStatusCode.OK, await complete.Content.ReadAsStringAsync());
        var stored = await fixture.Storage.GetByteArrayAsync(await fixture.DownloadUrlAsync(user, $"/api/files/{fileId}"));
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(stored));
        Assert.Equal(((long)bytes.Length, 0L, 1), await fixture.StorageRowAsync(user.UserId));
        Assert.Equal(0L, await fixture.ScalarAsync("SELECT count(*) FROM file_upload_parts WHERE file_id = $1", fileId));
        Assert.Equal(HttpStatusCode.Conflict, (await Http.SendAsync(user, HttpMethod.Get, $"/api/files/{fileId}/upload")).StatusCode);
    }

    [Fact]
    public async Task Completing_with_a_part_missing_says_which_and_leaves_the_upload_resumable()
    {
        var user = await TestUser.RegisterAsync(Http);
        var start = await (await fixture.StartAsync(user, "archive.bin", 65L * MiB, "application/octet-stream")).JsonAsync();
        var fileId = start.GetProperty("fileId").GetGuid();

        var complete = await fixture.CompleteAsync(user, fileId);
        var outOfRange = await Http.SendAsync(user, HttpMethod.Put, $"/api/files/{fileId}/parts/4", new { etag = "\"abc\"" });

        await complete.AssertBadRequestAsync("parts missing");
        Assert.Contains("1, 2, 3", await complete.DetailAsync(), StringComparison.Ordinal);
        await outOfRange.AssertBadRequestAsync("part 4 of 3");
        Assert.Equal(HttpStatusCode.OK, (await Http.SendAsync(user, HttpMethod.Get, $"/api/files/{fileId}/upload")).StatusCode);
        Assert.Equal((0L, 65L * MiB, 0), await fixture.StorageRowAsync(user.UserId));
    }

    private async Task<string> PutPartAsync(string url, byte[] bytes, int number, long partSize)
    {
        var offset = (int)((number - 1) * partSize);
        var length = (int)Math.Min(partSize, bytes.Length - offset);
        var response = await fixture.Storage.PutAsync(url, new ByteArrayContent(bytes, offset, length));
        Assert.True(response.IsSuccessStatusCode, $"part {number}: {response.StatusCode}");
        return response.Headers.ETag!.Tag;
    }
}
