using System.Text.Json;
using Chat.Conversations;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Files.Attachments;

/// <summary>Messages carrying files: what sending checks, what the members receive, what forwards and deletes do to the rows.</summary>
[Collection(MessagingCollection.Name)]
public sealed class MessageFilesTests(GridWithFrontends grid)
{
    private readonly FileRows _files = new(grid.Grid.Database);

    [Fact]
    public async Task An_image_of_the_senders_own_completed_file_reaches_every_member_with_the_file_described_and_its_row_written()
    {
        var (alice, bob, carol) = (await RegisterAsync(), await RegisterAsync(), await RegisterAsync());
        var group = await ConversationApi.CreateAsync(grid.First.Http, alice, "group", "photos", bob, carol);
        var fileId = await _files.CompletedAsync(alice.UserId, name: "beach.png", size: 48_213);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        await using var carolConnection = await ChatConnection.ConnectAsync(grid.First.Address, carol);

        var ack = await FileMessages.SendImageAsync(aliceConnection, group.ConversationId, fileId);

        foreach (var connection in new[] { bobConnection, carolConnection, aliceConnection })
        {
            var received = await connection.NextMessageAsync();
            Assert.Equal(ack.Seq, received.Seq);
            var file = Assert.Single(FileMessages.FilesOf(received));
            Assert.Equal(fileId, file.GetProperty("fileId").GetGuid());
            Assert.Equal(alice.UserId, file.GetProperty("ownerId").GetGuid());
            Assert.Equal("beach.png", file.GetProperty("name").GetString());
            Assert.Equal(48_213, file.GetProperty("size").GetInt64());
            Assert.Equal("image", file.GetProperty("kind").GetString());
            Assert.Equal("image/png", file.GetProperty("contentType").GetString());
            Assert.Equal(640, file.GetProperty("media").GetProperty("width").GetInt32());
            Assert.Equal(["320", "1280"], file.GetProperty("previews").EnumerateArray().Select(p => p.GetString()));
        }

        Assert.Equal([(group.ConversationId, ack.Seq, "image", false)], await _files.RowsAsync(fileId));
        Assert.True((await _files.StateAsync(fileId)).Attached);
    }

    [Fact]
    public async Task A_file_of_another_user_is_not_found_and_nothing_is_stored()
    {
        var (alice, bob) = (await RegisterAsync(), await RegisterAsync());
        var direct = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        var bobsFile = await _files.CompletedAsync(bob.UserId);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        var clientId = Guid.NewGuid().ToString();

        var refused = await Assert.ThrowsAsync<HubException>(() => FileMessages.SendImageAsync(aliceConnection, direct.ConversationId, bobsFile, clientId));

        Assert.Equal("not_found", HubErrors.Code(refused));
        Assert.Equal(0, await _files.MessagesWithClientIdAsync(direct.ConversationId, clientId));
        Assert.Empty(await _files.RowsAsync(bobsFile));
        Assert.False((await _files.StateAsync(bobsFile)).Attached);
    }

    [Fact]
    public async Task A_missing_or_deleted_file_is_not_found_and_a_pending_one_is_a_bad_request()
    {
        var (alice, bob) = (await RegisterAsync(), await RegisterAsync());
        var direct = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        var pending = await _files.PendingAsync(alice.UserId);
        var deletedFile = await _files.CompletedAsync(alice.UserId);
        await _files.DeleteAsync(deletedFile);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        var clientId = Guid.NewGuid().ToString();

        var missing = await Assert.ThrowsAsync<HubException>(() => FileMessages.SendImageAsync(aliceConnection, direct.ConversationId, Guid.NewGuid()));
        var deleted = await Assert.ThrowsAsync<HubException>(() => FileMessages.SendImageAsync(aliceConnection, direct.ConversationId, deletedFile));
        var notComplete = await Assert.ThrowsAsync<HubException>(() => FileMessages.SendImageAsync(aliceConnection, direct.ConversationId, pending, clientId));

        Assert.Equal("not_found", HubErrors.Code(missing));
        Assert.Equal("not_found", HubErrors.Code(deleted));
        Assert.Empty(await _files.RowsAsync(deletedFile));
        Assert.Equal("bad_request", HubErrors.Code(notComplete));
        Assert.Equal(0, await _files.MessagesWithClientIdAsync(direct.ConversationId, clientId));
        Assert.Empty(await _files.RowsAsync(pending));
    }

    [Fact]
    public async Task A_file_whose_kind_does_not_fit_the_type_is_a_bad_request_and_a_document_may_be_any_kind()
    {
        var (alice, bob) = (await RegisterAsync(), await RegisterAsync());
        var direct = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        var pdf = await _files.CompletedAsync(alice.UserId, kind: "document", contentType: "application/pdf", name: "terms.pdf");
        var photo = await _files.CompletedAsync(alice.UserId);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);

        var asImage = await Assert.ThrowsAsync<HubException>(() => FileMessages.SendImageAsync(aliceConnection, direct.ConversationId, pdf));
        var asVoice = await Assert.ThrowsAsync<HubException>(() =>
            FileMessages.SendAsync(aliceConnection, direct.ConversationId, "voice", new { fileId = photo, durationMs = 1200 }));
        var document = await FileMessages.SendAsync(aliceConnection, direct.ConversationId, "document", new { fileId = pdf, fileName = "terms.pdf" });
        var photoAsDocument = await FileMessages.SendAsync(aliceConnection, direct.ConversationId, "document", new { fileId = photo, fileName = "photo.png" });

        Assert.Equal("bad_request", HubErrors.Code(asImage));
        Assert.Equal("bad_request", HubErrors.Code(asVoice));
        Assert.Equal([(direct.ConversationId, document.Seq, "document", false)], await _files.RowsAsync(pdf));
        Assert.Equal([(direct.ConversationId, photoAsDocument.Seq, "document", false)], await _files.RowsAsync(photo));
    }

    [Fact]
    public async Task An_album_carries_its_files_in_order_and_one_of_eleven_or_with_a_document_in_it_is_refused()
    {
        var (alice, bob) = (await RegisterAsync(), await RegisterAsync());
        var direct = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        var photo = await _files.CompletedAsync(alice.UserId);
        var clip = await _files.CompletedAsync(alice.UserId, kind: "video", contentType: "video/mp4", name: "clip.mp4");
        var pdf = await _files.CompletedAsync(alice.UserId, kind: "document", contentType: "application/pdf", name: "a.pdf");
        var eleven = new List<Guid>();
        for (var i = 0; i < 11; i++)
        {
            eleven.Add(await _files.CompletedAsync(alice.UserId));
        }

        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);

        var tooMany = await Assert.ThrowsAsync<HubException>(() => FileMessages.SendAsync(aliceConnection, direct.ConversationId, "album",
            new { items = eleven.Select(id => new { fileId = id }).ToArray() }));
        var withDocument = await Assert.ThrowsAsync<HubException>(() => FileMessages.SendAsync(aliceConnection, direct.ConversationId, "album",
            new { items = new[] { new { fileId = photo }, new { fileId = pdf } } }));
        var twice = await Assert.ThrowsAsync<HubException>(() => FileMessages.SendAsync(aliceConnection, direct.ConversationId, "album",
            new { items = new[] { new { fileId = photo }, new { fileId = photo } } }));
        var album = await FileMessages.SendAsync(aliceConnection, direct.ConversationId, "album",
            new { items = new[] { new { fileId = clip }, new { fileId = photo } } });

        Assert.Equal("bad_request", HubErrors.Code(tooMany));
        Assert.Equal("bad_request", HubErrors.Code(withDocument));
        Assert.Equal("bad_request", HubErrors.Code(twice));
        var received = await bobConnection.NextMessageAsync();
        Assert.Equal(album.Seq, received.Seq);
        Assert.Equal([clip, photo], FileMessages.FilesOf(received).Select(f => f.GetProperty("fileId").GetGuid()));
        Assert.Equal([(direct.ConversationId, album.Seq, "video", false)], await _files.RowsAsync(clip));
        Assert.Empty(await _files.RowsAsync(eleven[0]));
        Assert.Empty(await _files.RowsAsync(pdf));
    }

    [Fact]
    public async Task A_client_that_writes_metadata_files_itself_is_refused()
    {
        var (alice, bob) = (await RegisterAsync(), await RegisterAsync());
        var direct = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        var photo = await _files.CompletedAsync(alice.UserId);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        var forged = new { fileId = photo, files = new[] { new { fileId = photo, name = "innocent.png", size = 1, kind = "image" } } };

        var refused = await Assert.ThrowsAsync<HubException>(() => FileMessages.SendAsync(aliceConnection, direct.ConversationId, "image", forged));
        var onText = await Assert.ThrowsAsync<HubException>(() => aliceConnection.Hub.InvokeAsync<MessageAck>("SendMessage",
            new { conversationId = direct.ConversationId, clientMessageId = Guid.NewGuid().ToString(), content = "hi", metadata = new { files = Array.Empty<object>() } }));

        Assert.Equal("bad_request", HubErrors.Code(refused));
        Assert.Equal("bad_request", HubErrors.Code(onText));
        Assert.Empty(await _files.RowsAsync(photo));
    }

    [Fact]
    public async Task Scheduling_a_message_with_another_users_file_is_refused_at_once()
    {
        var (alice, bob) = (await RegisterAsync(), await RegisterAsync());
        var direct = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        var bobsFile = await _files.CompletedAsync(bob.UserId);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);

        var refused = await Assert.ThrowsAsync<HubException>(() => aliceConnection.Hub.InvokeAsync<ScheduledMessage>("ScheduleMessage", new
        {
            conversationId = direct.ConversationId, clientMessageId = Guid.NewGuid().ToString(), content = "", type = "image",
            metadata = new { fileId = bobsFile }, sendAt = DateTimeOffset.UtcNow.AddMinutes(5),
        }));

        Assert.Equal("not_found", HubErrors.Code(refused));
        Assert.Empty(await aliceConnection.Hub.InvokeAsync<List<ScheduledMessage>>("GetScheduledMessages", direct.ConversationId));
    }

    [Fact]
    public async Task A_scheduled_image_is_sent_at_its_time_carrying_its_file()
    {
        var (alice, bob) = (await RegisterAsync(), await RegisterAsync());
        var direct = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        var photo = await _files.CompletedAsync(alice.UserId);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);

        await aliceConnection.Hub.InvokeAsync<ScheduledMessage>("ScheduleMessage", new
        {
            conversationId = direct.ConversationId, clientMessageId = Guid.NewGuid().ToString(), content = "", type = "image",
            metadata = new { fileId = photo }, sendAt = DateTimeOffset.UtcNow.AddSeconds(2),
        });

        var received = await bobConnection.NextMessageAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(photo, Assert.Single(FileMessages.FilesOf(received)).GetProperty("fileId").GetGuid());
        Assert.Equal([(direct.ConversationId, received.Seq, "image", false)], await _files.RowsAsync(photo));
    }

    [Fact]
    public async Task A_forward_shares_the_files_with_the_target_though_the_forwarder_cannot_send_them_as_their_own()
    {
        var (alice, bob, carol) = (await RegisterAsync(), await RegisterAsync(), await RegisterAsync());
        var source = await ConversationApi.CreateAsync(grid.First.Http, alice, "group", "source", bob);
        var target = await ConversationApi.CreateAsync(grid.First.Http, bob, "group", "target", carol);
        var photo = await _files.CompletedAsync(alice.UserId);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        await using var carolConnection = await ChatConnection.ConnectAsync(grid.First.Address, carol);
        var original = await FileMessages.SendImageAsync(aliceConnection, source.ConversationId, photo);

        var asOwn = await Assert.ThrowsAsync<HubException>(() => FileMessages.SendImageAsync(bobConnection, target.ConversationId, photo));
        var forwarded = await bobConnection.Hub.InvokeAsync<MessageAck>(
            "ForwardMessage", source.ConversationId, original.Seq, target.ConversationId, Guid.NewGuid().ToString());

        Assert.Equal("not_found", HubErrors.Code(asOwn));
        var atCarol = await carolConnection.NextMessageAsync();
        Assert.Equal(forwarded.Seq, atCarol.Seq);
        Assert.Equal(photo, Assert.Single(FileMessages.FilesOf(atCarol)).GetProperty("fileId").GetGuid());
        var expected = new[] { (source.ConversationId, original.Seq, "image", false), (target.ConversationId, forwarded.Seq, "image", false) };
        Assert.True(expected.ToHashSet().SetEquals(await _files.RowsAsync(photo)));
    }

    [Fact]
    public async Task A_message_deleted_for_everyone_marks_its_file_rows_deleted_and_leaves_the_other_messages_rows()
    {
        var (alice, bob) = (await RegisterAsync(), await RegisterAsync());
        var group = await ConversationApi.CreateAsync(grid.First.Http, alice, "group", "gone", bob);
        var photo = await _files.CompletedAsync(alice.UserId);
        var kept = await _files.CompletedAsync(alice.UserId);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        var deleted = await FileMessages.SendImageAsync(aliceConnection, group.ConversationId, photo);
        var stays = await FileMessages.SendImageAsync(aliceConnection, group.ConversationId, kept);

        await aliceConnection.Hub.InvokeAsync("DeleteMessage", group.ConversationId, deleted.Seq, true);

        Assert.Equal([(group.ConversationId, deleted.Seq, "image", true)], await _files.RowsAsync(photo));
        Assert.Equal([(group.ConversationId, stays.Seq, "image", false)], await _files.RowsAsync(kept));
    }

    [Fact]
    public async Task A_self_destructing_message_marks_its_file_rows_deleted_when_it_expires()
    {
        var (alice, bob) = (await RegisterAsync(), await RegisterAsync());
        var direct = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        var photo = await _files.CompletedAsync(alice.UserId);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);

        var ack = await FileMessages.SendAsync(aliceConnection, direct.ConversationId, "image", new { fileId = photo }, expiresInSeconds: 1);

        var updated = (await bobConnection.NextEventAsync("MessageUpdated", TimeSpan.FromSeconds(20))).Deserialize<ChatMessage>(JsonSerializerOptions.Web)!;
        Assert.Equal(ack.Seq, updated.Seq);
        Assert.True(updated.Deleted);
        Assert.Equal([(direct.ConversationId, ack.Seq, "image", true)], await _files.RowsAsync(photo));
    }

    private Task<TestUser> RegisterAsync() => TestUser.RegisterAsync(grid.First.Http);
}
