using System.Net;
using Chat.Files;
using Chat.Tests.Accounts;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Files;

[Collection(FilesCollection.Name)]
public sealed class CleanupTests(FilesGrid fixture)
{
    private HttpClient Http => fixture.First.Http;

    private IFileCleanupGrain Cleanup => fixture.Grid.Client.GetGrain<IFileCleanupGrain>(0);

    [Fact]
    public async Task The_sweep_removes_abandoned_uploads_and_unattached_files_and_gives_their_quota_back_exactly()
    {
        var user = await TestUser.RegisterAsync(Http);
        var abandoned = await fixture.UploadAsync(user, "never-completed.pdf", "application/pdf", TestFiles.Pdf());
        var unattached = await fixture.UploadCompletedAsync(user, "never-sent.pdf", "application/pdf", TestFiles.Pdf());
        var attached = await fixture.UploadCompletedAsync(user, "sent.pdf", "application/pdf", TestFiles.Pdf());
        var multipart = await (await fixture.StartAsync(user, "big.bin", 65L * 1024 * 1024, "application/octet-stream")).JsonAsync();
        await fixture.ExecuteAsync("UPDATE files SET attached_at = now() WHERE file_id = $1", attached);
        await fixture.Objects.UploadFileAsync($"files/{unattached}/320", WriteTemp(TestFiles.Png()), "image/webp");

        // Nothing is old enough for the real age.
        Assert.Equal(0, await Cleanup.SweepAsync(TimeSpan.FromHours(24)));
        var removed = await Cleanup.SweepAsync(TimeSpan.Zero);

        Assert.True(removed >= 3, $"removed {removed}");
        Assert.False(await fixture.ObjectExistsAsync(abandoned));
        Assert.False(await fixture.ObjectExistsAsync(unattached));
        Assert.Null(await fixture.Objects.GetSizeAsync($"files/{unattached}/320"));
        Assert.True(await fixture.ObjectExistsAsync(attached));
        Assert.Equal(1L, await fixture.FileRowsAsync(user.UserId));
        Assert.Equal(HttpStatusCode.NotFound, (await Http.SendAsync(user, HttpMethod.Get, $"/api/files/{multipart.GetProperty("fileId").GetGuid()}/upload")).StatusCode);
        Assert.Equal(((long)TestFiles.Pdf().Length, 0L, 1), await fixture.StorageRowAsync(user.UserId));
    }

    [Fact]
    public async Task Deleting_an_unattached_file_frees_its_bytes_and_an_attached_one_cannot_be_deleted()
    {
        var user = await TestUser.RegisterAsync(Http);
        var loose = await fixture.UploadCompletedAsync(user, "a.pdf", "application/pdf", TestFiles.Pdf());
        var used = await fixture.UploadCompletedAsync(user, "b.pdf", "application/pdf", TestFiles.Pdf());
        await fixture.ExecuteAsync("UPDATE files SET attached_at = now() WHERE file_id = $1", used);

        var deleteLoose = await Http.SendAsync(user, HttpMethod.Delete, $"/api/files/{loose}");
        var deleteUsed = await Http.SendAsync(user, HttpMethod.Delete, $"/api/files/{used}");

        Assert.Equal(HttpStatusCode.NoContent, deleteLoose.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, deleteUsed.StatusCode);
        Assert.False(await fixture.ObjectExistsAsync(loose));
        Assert.Equal(((long)TestFiles.Pdf().Length, 0L, 1), await fixture.StorageRowAsync(user.UserId));
    }

    [Fact]
    public async Task Deleting_an_account_removes_its_files()
    {
        var user = await TestUser.RegisterAsync(Http);
        var completed = await fixture.UploadCompletedAsync(user, "a.pdf", "application/pdf", TestFiles.Pdf());
        var pending = await fixture.UploadAsync(user, "b.pdf", "application/pdf", TestFiles.Pdf());
        await fixture.ExecuteAsync("UPDATE files SET attached_at = now() WHERE file_id = $1", completed);

        var delete = await Http.SendAsync(user, HttpMethod.Delete, "/api/users/me", new { password = user.Password });

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.False(await fixture.ObjectExistsAsync(completed));
        Assert.False(await fixture.ObjectExistsAsync(pending));
        Assert.Equal(0L, await fixture.FileRowsAsync(user.UserId));
        Assert.Equal((0L, 0L, 0), await fixture.StorageRowAsync(user.UserId));
    }

    private static string WriteTemp(byte[] bytes)
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
