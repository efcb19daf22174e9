using System.Net;
using Chat.Tests.Accounts;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Files;

/// <summary>The issue's "Bad input" list: each refused with a clear 4xx, nothing stored and nothing charged.</summary>
[Collection(FilesCollection.Name)]
public sealed class BadInputTests(FilesGrid fixture)
{
    private HttpClient Http => fixture.First.Http;

    public static TheoryData<string, string, string, string> RefusedAtCompletion => new()
    {
        { "exe named .jpg", "cat.jpg", "image/jpeg", "executable" },
        { "exe named .jpg, declared a document", "cat.jpg", "application/octet-stream", "named .jpg" },
        { "HTML declared image/png", "x.png", "image/png", "HTML" },
        { "HTML declared text/plain", "notes.txt", "text/plain", "HTML" },
        { "corrupt JPEG", "broken.jpg", "image/jpeg", "cannot be read" },
        { "corrupt video", "clip.mp4", "video/mp4", "cannot be read" },
        { "decompression bomb", "bomb.png", "image/png", "50000 x 50000" },
        { "PDF declared, text given", "doc.pdf", "application/pdf", "plain text" },
    };

    [Theory]
    [MemberData(nameof(RefusedAtCompletion))]
    public async Task Bytes_that_do_not_match_or_cannot_be_read_are_refused_at_completion_and_nothing_is_kept(string what, string name, string declaredType, string detail)
    {
        var user = await TestUser.RegisterAsync(Http);
        var bytes = what switch
        {
            "exe named .jpg" or "exe named .jpg, declared a document" => TestFiles.Executable(),
            "HTML declared image/png" or "HTML declared text/plain" => TestFiles.Html(),
            "corrupt JPEG" => TestFiles.CorruptJpeg(),
            "corrupt video" => TestFiles.CorruptMp4(),
            "decompression bomb" => TestFiles.PngClaiming(50000, 50000),
            _ => "just some words, not a PDF"u8.ToArray(),
        };
        var fileId = await fixture.UploadAsync(user, name, declaredType, bytes);

        var complete = await fixture.CompleteAsync(user, fileId);

        await complete.AssertBadRequestAsync(what);
        Assert.Contains(detail, await complete.DetailAsync(), StringComparison.Ordinal);
        await fixture.AssertNothingKeptAsync(user, fileId);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.SendAsync(user, HttpMethod.Get, $"/api/files/{fileId}/info")).StatusCode);
    }

    [Fact]
    public async Task An_upload_larger_than_declared_is_refused_and_nothing_is_kept()
    {
        var user = await TestUser.RegisterAsync(Http);
        var fileId = await fixture.UploadAsync(user, "a.pdf", "application/pdf", [.. TestFiles.Pdf(), .. TestFiles.Random(100)], declaredSize: TestFiles.Pdf().Length);

        var complete = await fixture.CompleteAsync(user, fileId);

        await complete.AssertBadRequestAsync("larger than declared");
        Assert.Contains("not the", await complete.DetailAsync(), StringComparison.Ordinal);
        await fixture.AssertNothingKeptAsync(user, fileId);
    }

    [Fact]
    public async Task Over_the_quota_answers_413_with_the_numbers_and_reserves_nothing()
    {
        var user = await TestUser.RegisterAsync(Http);
        const long twoGiB = 2L * 1024 * 1024 * 1024;
        var first = await (await fixture.StartAsync(user, "a.bin", twoGiB, "application/octet-stream")).JsonAsync();
        var second = await (await fixture.StartAsync(user, "b.bin", twoGiB, "application/octet-stream")).JsonAsync();

        var third = await fixture.StartAsync(user, "c.bin", twoGiB, "application/octet-stream");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, third.StatusCode);
        Assert.Equal("too_large", await third.ProblemCodeAsync());
        var problem = await third.JsonAsync();
        Assert.Equal(twoGiB, problem.GetProperty("size").GetInt64());
        Assert.Equal(0L, problem.GetProperty("usedBytes").GetInt64());
        Assert.Equal(2 * twoGiB, problem.GetProperty("reservedBytes").GetInt64());
        Assert.Equal(5L * 1024 * 1024 * 1024, problem.GetProperty("quotaBytes").GetInt64());
        Assert.Contains("does not fit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((0L, 2 * twoGiB, 0), await fixture.StorageRowAsync(user.UserId));
        Assert.Equal(2L, await fixture.FileRowsAsync(user.UserId));

        // Cancelling gives the reservations back exactly.
        foreach (var body in (System.Text.Json.JsonElement[])[first, second])
        {
            var cancel = await Http.SendAsync(user, HttpMethod.Delete, $"/api/files/{body.GetProperty("fileId").GetGuid()}");
            Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        }

        Assert.Equal((0L, 0L, 0), await fixture.StorageRowAsync(user.UserId));
        Assert.Equal(0L, await fixture.FileRowsAsync(user.UserId));
    }

    [Fact]
    public async Task Over_the_per_file_limit_or_of_a_type_not_allowed_or_badly_named_is_refused_before_anything_is_reserved()
    {
        var user = await TestUser.RegisterAsync(Http);

        var tooLarge = await fixture.StartAsync(user, "big.bin", 2L * 1024 * 1024 * 1024 + 1, "application/octet-stream");
        var html = await fixture.StartAsync(user, "page.html", 100, "text/html");
        var noName = await fixture.StartAsync(user, "  ", 100, "text/plain");
        var longName = await fixture.StartAsync(user, new string('a', 256), 100, "text/plain");
        var empty = await fixture.StartAsync(user, "a.txt", 0, "text/plain");
        var purpose = await fixture.StartAsync(user, "a.txt", 10, "text/plain", purpose: "banner");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("too_large", await tooLarge.ProblemCodeAsync());
        var numbers = await tooLarge.JsonAsync();
        Assert.Equal(2L * 1024 * 1024 * 1024 + 1, numbers.GetProperty("size").GetInt64());
        Assert.Equal(0L, numbers.GetProperty("reservedBytes").GetInt64());
        Assert.Contains("per-file limit", numbers.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await html.AssertBadRequestAsync("text/html");
        await noName.AssertBadRequestAsync("blank name");
        await longName.AssertBadRequestAsync("256-character name");
        await empty.AssertBadRequestAsync("zero size");
        await purpose.AssertBadRequestAsync("unknown purpose");
        Assert.Equal((0L, 0L, 0), await fixture.StorageRowAsync(user.UserId));
        Assert.Equal(0L, await fixture.FileRowsAsync(user.UserId));
    }

    [Fact]
    public async Task Completing_deleting_or_resuming_another_users_file_is_404_and_changes_nothing()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var mallory = await TestUser.RegisterAsync(Http);
        var pending = await fixture.UploadAsync(alice, "a.pdf", "application/pdf", TestFiles.Pdf());
        var completed = await fixture.UploadCompletedAsync(alice, "b.pdf", "application/pdf", TestFiles.Pdf());
        var before = await fixture.StorageRowAsync(alice.UserId);

        var complete = await fixture.CompleteAsync(mallory, pending);
        var deletePending = await Http.SendAsync(mallory, HttpMethod.Delete, $"/api/files/{pending}");
        var deleteCompleted = await Http.SendAsync(mallory, HttpMethod.Delete, $"/api/files/{completed}");
        var part = await Http.SendAsync(mallory, HttpMethod.Put, $"/api/files/{pending}/parts/1", new { etag = "\"x\"" });

        foreach (var response in (HttpResponseMessage[])[complete, deletePending, deleteCompleted, part])
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not_found", await response.ProblemCodeAsync());
        }

        Assert.Equal(before, await fixture.StorageRowAsync(alice.UserId));
        Assert.True(await fixture.ObjectExistsAsync(pending));
        Assert.True(await fixture.ObjectExistsAsync(completed));
        Assert.Equal(HttpStatusCode.OK, (await fixture.CompleteAsync(alice, pending)).StatusCode);
    }

    [Fact]
    public async Task An_expired_presigned_url_is_refused_by_storage_and_completing_then_stores_nothing()
    {
        var user = await TestUser.RegisterAsync(Http);
        var start = await (await fixture.StartAsync(user, "a.pdf", TestFiles.Pdf().Length, "application/pdf")).JsonAsync();
        var fileId = start.GetProperty("fileId").GetGuid();
        // The same object key, signed for one second (the API's URLs live Files:UploadUrlLifetime).
        var shortLived = await fixture.Objects.PresignPutAsync($"files/{fileId}/original", "application/pdf", TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var put = await fixture.PutAsync(shortLived.AbsoluteUri, TestFiles.Pdf(), "application/pdf");
        var complete = await fixture.CompleteAsync(user, fileId);

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        await complete.AssertBadRequestAsync("nothing uploaded");
        Assert.False(await fixture.ObjectExistsAsync(fileId));
        Assert.Equal((0L, (long)TestFiles.Pdf().Length, 0), await fixture.StorageRowAsync(user.UserId));
    }
}
