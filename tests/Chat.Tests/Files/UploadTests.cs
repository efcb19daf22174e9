using System.Net;
using Chat.Conversations;
using Chat.Tests.Accounts;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Files;

[Collection(FilesCollection.Name)]
public sealed class UploadTests(FilesGrid fixture)
{
    private HttpClient Http => fixture.First.Http;

    [Fact]
    public async Task An_uploaded_document_completes_and_its_owner_downloads_it_byte_identical_as_an_attachment()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var pdf = TestFiles.Pdf();

        var fileId = await fixture.UploadAsync(alice, "report.pdf", "application/pdf", pdf);
        var complete = await fixture.CompleteAsync(alice, fileId);
        var file = await complete.JsonAsync();
        var download = await Http.SendAsync(alice, HttpMethod.Get, $"/api/files/{fileId}");

        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        Assert.Equal("application/pdf", file.GetProperty("contentType").GetString());
        Assert.Equal("document", file.GetProperty("kind").GetString());
        Assert.Equal("processing", file.GetProperty("status").GetString());
        Assert.Equal(pdf.Length, file.GetProperty("size").GetInt64());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal((pdf.Length, 0L, 1), await fixture.StorageRowAsync(alice.UserId));
        Assert.Equal(1L, await fixture.ScalarAsync("SELECT count(*) FROM file_preview_jobs WHERE file_id = $1", fileId));
        var storage = await (await Http.SendAsync(alice, HttpMethod.Get, "/api/users/me/storage")).JsonAsync();
        Assert.Equal(pdf.Length, storage.GetProperty("usedBytes").GetInt64());
        Assert.Equal(5L * 1024 * 1024 * 1024, storage.GetProperty("quotaBytes").GetInt64());
    }

    [Fact]
    public async Task Completing_twice_answers_the_same_file_and_charges_once()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var pdf = TestFiles.Pdf();
        var fileId = await fixture.UploadAsync(alice, "a.pdf", "application/pdf", pdf);

        var first = await (await fixture.CompleteAsync(alice, fileId)).JsonAsync();
        var second = await fixture.CompleteAsync(alice, fileId);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first.GetProperty("fileId").GetGuid(), (await second.JsonAsync()).GetProperty("fileId").GetGuid());
        Assert.Equal((pdf.Length, 0L, 1), await fixture.StorageRowAsync(alice.UserId));
    }

    [Fact]
    public async Task The_owner_gets_an_image_inline_as_its_sniffed_type_through_a_short_lived_url()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var png = TestFiles.Png();
        var fileId = await fixture.UploadCompletedAsync(alice, "photo.png", "image/png", png);

        var redirect = await fixture.NoRedirect.SendAsync(alice.Request(HttpMethod.Get, $"/api/files/{fileId}"));
        var url = await fixture.DownloadUrlAsync(alice, $"/api/files/{fileId}");
        var image = await fixture.Storage.GetAsync(url);
        var info = await (await Http.SendAsync(alice, HttpMethod.Get, $"/api/files/{fileId}/info")).JsonAsync();

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("nosniff", redirect.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("X-Amz-Expires=300", redirect.Headers.Location!.Query, StringComparison.Ordinal);
        Assert.Equal(png, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", image.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("image", info.GetProperty("kind").GetString());
        Assert.Equal(40, info.GetProperty("media").GetProperty("width").GetInt32());
        Assert.Equal(30, info.GetProperty("media").GetProperty("height").GetInt32());
    }

    [Fact]
    public async Task A_stranger_gets_404_on_the_file_its_info_its_thumbnails_and_its_web_rendition()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var mallory = await TestUser.RegisterAsync(Http);
        var fileId = await fixture.UploadCompletedAsync(alice, "photo.png", "image/png", TestFiles.Png());
        await fixture.ExecuteAsync("UPDATE files SET previews = '{320}', status = 'ready', clean_key = object_key WHERE file_id = $1", fileId);

        foreach (var path in (string[])[$"/api/files/{fileId}", $"/api/files/{fileId}/info", $"/api/files/{fileId}/thumbnail/320",
            $"/api/files/{fileId}/thumbnail/1280", $"/api/files/{fileId}/web", $"/api/files/{fileId}/upload", $"/api/files/{Guid.NewGuid()}"])
        {
            var response = await Http.SendAsync(mallory, HttpMethod.Get, path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            Assert.Equal("no such file", await response.DetailAsync());
        }

        Assert.Contains($"files/{fileId}/320", await fixture.DownloadUrlAsync(alice, $"/api/files/{fileId}/thumbnail/320"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.SendAsync(alice, HttpMethod.Get, $"/api/files/{fileId}/thumbnail/1280")).StatusCode);
    }

    [Fact]
    public async Task A_member_of_a_conversation_carrying_the_file_sees_it_and_waits_for_an_images_clean_copy()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var carol = await TestUser.RegisterAsync(Http);
        var conversation = await ConversationApi.CreateAsync(Http, alice, "group", "pics", bob);
        var fileId = await fixture.UploadCompletedAsync(alice, "photo.png", "image/png", TestFiles.Png());
        await using (var aliceDevice = await ChatConnection.ConnectAsync(fixture.First.Address, alice))
        {
            await aliceDevice.Hub.InvokeAsync<MessageAck>("SendMessage", new
            {
                conversationId = conversation.ConversationId, clientMessageId = Guid.NewGuid().ToString(), content = "", type = "image",
                metadata = new { fileId },
            });
        }

        var info = await Http.SendAsync(bob, HttpMethod.Get, $"/api/files/{fileId}/info");
        var whileProcessing = await Http.SendAsync(bob, HttpMethod.Get, $"/api/files/{fileId}");
        var notMember = await Http.SendAsync(carol, HttpMethod.Get, $"/api/files/{fileId}/info");
        await fixture.ExecuteAsync($"UPDATE files SET status = 'ready', clean_key = 'files/{fileId}/clean' WHERE file_id = $1", fileId);
        var clean = await fixture.DownloadUrlAsync(bob, $"/api/files/{fileId}");
        var own = await fixture.DownloadUrlAsync(alice, $"/api/files/{fileId}");
        await fixture.ExecuteAsync("UPDATE message_files SET deleted = true WHERE file_id = $1", fileId);
        var afterDelete = await Http.SendAsync(bob, HttpMethod.Get, $"/api/files/{fileId}/info");

        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileProcessing.StatusCode);
        Assert.Equal("2", whileProcessing.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.NotFound, notMember.StatusCode);
        Assert.Contains($"files/{fileId}/clean", clean, StringComparison.Ordinal);
        Assert.Contains($"files/{fileId}/original", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
    }

    [Fact]
    public async Task A_public_avatar_is_visible_to_anyone_signed_in()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var fileId = await fixture.UploadCompletedAsync(alice, "me.pdf", "application/pdf", TestFiles.Pdf());

        var before = await Http.SendAsync(bob, HttpMethod.Get, $"/api/files/{fileId}/info");
        await fixture.ExecuteAsync("UPDATE files SET public = true, attached_at = now() WHERE file_id = $1", fileId);
        var after = await Http.SendAsync(bob, HttpMethod.Get, $"/api/files/{fileId}/info");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
