using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Conversations;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Files.Attachments;

/// <summary>End to end with the uploads: who may download a file follows the messages that carry it.</summary>
[Collection(MessagingCollection.Name)]
public sealed class FileAccessThroughMessagesTests(GridWithFrontends grid)
{
    [Fact]
    public async Task A_member_downloads_the_file_a_message_carries_and_a_stranger_and_a_removed_member_get_404()
    {
        var (alice, bob, carol, mallory) = (await RegisterAsync(), await RegisterAsync(), await RegisterAsync(), await RegisterAsync());
        var group = await ConversationApi.CreateAsync(grid.First.Http, alice, "group", "shared", bob, carol);
        var fileId = await UploadedFiles.UploadAsync(grid.First.Http, alice, UploadedFiles.Pdf);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadedFiles.DownloadAsync(grid.Second.Http, bob, fileId)).Status);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);

        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);

        await FileMessages.SendDocumentAsync(aliceConnection, group.ConversationId, fileId);

        // What the message carries is the File the uploads describe, key for key.
        var carried = Assert.Single(FileMessages.FilesOf(await bobConnection.NextMessageAsync()));
        using var info = await grid.Second.Http.SendAsync(bob.Request(HttpMethod.Get, $"/api/files/{fileId}/info"));
        var described = await info.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(described.EnumerateObject().Select(p => p.Name).Order(), carried.EnumerateObject().Select(p => p.Name).Order());
        foreach (var key in new[] { "fileId", "ownerId", "name", "size", "contentType", "kind", "purpose" })
        {
            Assert.Equal(described.GetProperty(key).ToString(), carried.GetProperty(key).ToString());
        }

        var atBob = await UploadedFiles.DownloadAsync(grid.Second.Http, bob, fileId);
        Assert.Equal(HttpStatusCode.OK, atBob.Status);
        Assert.Equal(UploadedFiles.Pdf, atBob.Bytes);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadedFiles.DownloadAsync(grid.Second.Http, mallory, fileId)).Status);
        Assert.Equal(HttpStatusCode.OK, (await UploadedFiles.DownloadAsync(grid.First.Http, carol, fileId)).Status);

        using var removal = await grid.First.Http.SendAsync(alice.Request(HttpMethod.Delete, $"/api/conversations/{group.ConversationId}/members/{carol.UserId}"));
        removal.EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await UploadedFiles.DownloadAsync(grid.First.Http, carol, fileId)).Status);
    }

    [Fact]
    public async Task A_forward_makes_the_file_visible_to_the_members_of_the_target()
    {
        var (alice, bob, carol) = (await RegisterAsync(), await RegisterAsync(), await RegisterAsync());
        var source = await ConversationApi.CreateAsync(grid.First.Http, alice, "group", "source", bob);
        var target = await ConversationApi.CreateAsync(grid.First.Http, bob, "group", "target", carol);
        var fileId = await UploadedFiles.UploadAsync(grid.First.Http, alice, UploadedFiles.Pdf);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        var original = await FileMessages.SendDocumentAsync(aliceConnection, source.ConversationId, fileId);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadedFiles.DownloadAsync(grid.Second.Http, carol, fileId)).Status);

        await bobConnection.Hub.InvokeAsync<MessageAck>("ForwardMessage", source.ConversationId, original.Seq, target.ConversationId, Guid.NewGuid().ToString());

        var atCarol = await UploadedFiles.DownloadAsync(grid.Second.Http, carol, fileId);
        Assert.Equal(HttpStatusCode.OK, atCarol.Status);
        Assert.Equal(UploadedFiles.Pdf, atCarol.Bytes);
    }

    [Fact]
    public async Task A_delete_for_everyone_hides_the_file_from_the_other_members_but_not_from_its_owner()
    {
        var (alice, bob) = (await RegisterAsync(), await RegisterAsync());
        var group = await ConversationApi.CreateAsync(grid.First.Http, alice, "group", "regret", bob);
        var fileId = await UploadedFiles.UploadAsync(grid.First.Http, alice, UploadedFiles.Pdf);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        var sent = await FileMessages.SendDocumentAsync(aliceConnection, group.ConversationId, fileId);
        Assert.Equal(HttpStatusCode.OK, (await UploadedFiles.DownloadAsync(grid.Second.Http, bob, fileId)).Status);

        await aliceConnection.Hub.InvokeAsync("DeleteMessage", group.ConversationId, sent.Seq, true);

        Assert.Equal(HttpStatusCode.NotFound, (await UploadedFiles.DownloadAsync(grid.Second.Http, bob, fileId)).Status);
        var atOwner = await UploadedFiles.DownloadAsync(grid.First.Http, alice, fileId);
        Assert.Equal(HttpStatusCode.OK, atOwner.Status);
        Assert.Equal(UploadedFiles.Pdf, atOwner.Bytes);
    }

    [Fact]
    public async Task A_self_destructing_message_past_its_time_hides_the_file_before_its_timer_erases_it()
    {
        var (alice, bob) = (await RegisterAsync(), await RegisterAsync());
        var group = await ConversationApi.CreateAsync(grid.First.Http, alice, "group", "fleeting", bob);
        var fileId = await UploadedFiles.UploadAsync(grid.First.Http, alice, UploadedFiles.Pdf);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        var sent = await aliceConnection.Hub.InvokeAsync<MessageAck>("SendMessage", new
        {
            conversationId = group.ConversationId, clientMessageId = Guid.NewGuid().ToString(), content = "", type = "document",
            metadata = new { fileId, fileName = "terms.pdf" }, expiresInSeconds = 3600,
        });
        Assert.Equal(HttpStatusCode.OK, (await UploadedFiles.DownloadAsync(grid.Second.Http, bob, fileId)).Status);

        // The moment between a message's expiry and its timer's erase (an hour away here): the file's row still says
        // it is carried, the message says it is gone.
        await using (var database = grid.Grid.Database.CreateDataSource())
        await using (var command = database.CreateCommand(
            "UPDATE messages SET expires_at = now() - interval '1 second' WHERE conversation_id = $1 AND seq = $2"))
        {
            command.Parameters.AddWithValue(group.ConversationId);
            command.Parameters.AddWithValue(sent.Seq);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await UploadedFiles.DownloadAsync(grid.Second.Http, bob, fileId)).Status);
        Assert.Equal(HttpStatusCode.OK, (await UploadedFiles.DownloadAsync(grid.First.Http, alice, fileId)).Status);
    }

    private Task<TestUser> RegisterAsync() => TestUser.RegisterAsync(grid.First.Http);
}
