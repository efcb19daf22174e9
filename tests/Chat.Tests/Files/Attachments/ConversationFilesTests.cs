using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Files.Attachments;

/// <summary><c>GET /api/conversations/{id}/files</c>: the files tab, newest first by type, members only.</summary>
[Collection(MessagingCollection.Name)]
public sealed class ConversationFilesTests(GridWithFrontends grid)
{
    private readonly FileRows _files = new(grid.Grid.Database);

    [Fact]
    public async Task The_files_tab_pages_a_conversations_files_of_a_type_newest_first_leaving_out_deleted_and_hidden_ones()
    {
        var (alice, bob) = (await RegisterAsync(), await RegisterAsync());
        var group = await ConversationApi.CreateAsync(grid.First.Http, alice, "group", "tab", bob);
        var photos = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            photos.Add(await _files.CompletedAsync(alice.UserId, name: $"p{i}.png"));
        }

        var pdf = await _files.CompletedAsync(bob.UserId, kind: "document", contentType: "application/pdf", name: "notes.pdf");
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        var sent = new List<long>();
        foreach (var photo in photos)
        {
            sent.Add((await FileMessages.SendImageAsync(aliceConnection, group.ConversationId, photo)).Seq);
        }

        var document = await FileMessages.SendAsync(bobConnection, group.ConversationId, "document", new { fileId = pdf, fileName = "notes.pdf" });
        await aliceConnection.Hub.InvokeAsync("DeleteMessage", group.ConversationId, sent[1], true);
        await bobConnection.Hub.InvokeAsync("DeleteMessage", group.ConversationId, sent[2], false);

        var first = await ListAsync(bob, group.ConversationId, "?type=image&limit=1");
        var second = await ListAsync(bob, group.ConversationId, $"?type=image&limit=1&before={first.NextBefore}");
        var documents = await ListAsync(alice, group.ConversationId, "?type=document");
        var aliceSees = await ListAsync(alice, group.ConversationId, "?type=image");

        // Bob hid sent[2] for himself; sent[1] was deleted for everyone.
        Assert.Equal([sent[3]], first.Items.Select(i => i.Seq));
        Assert.Equal(sent[3], first.NextBefore);
        Assert.Equal([sent[0]], second.Items.Select(i => i.Seq));
        Assert.Null(second.NextBefore);
        var item = Assert.Single(documents.Items);
        Assert.Equal((document.Seq, bob.UserId, pdf, "notes.pdf"), (item.Seq, item.SenderId, item.File.FileId, item.File.Name));
        Assert.Equal([sent[3], sent[2], sent[0]], aliceSees.Items.Select(i => i.Seq));
        Assert.Equal([photos[3], photos[2], photos[0]], aliceSees.Items.Select(i => i.File.FileId));
    }

    [Fact]
    public async Task A_page_ends_on_a_whole_album()
    {
        var (alice, bob) = (await RegisterAsync(), await RegisterAsync());
        var direct = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        var older = await _files.CompletedAsync(alice.UserId);
        var items = new[] { await _files.CompletedAsync(alice.UserId), await _files.CompletedAsync(alice.UserId), await _files.CompletedAsync(alice.UserId) };
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        var single = await FileMessages.SendImageAsync(aliceConnection, direct.ConversationId, older);
        var album = await FileMessages.SendAsync(aliceConnection, direct.ConversationId, "album", new { items = items.Select(id => new { fileId = id }).ToArray() });

        var first = await ListAsync(bob, direct.ConversationId, "?type=image&limit=2");
        var second = await ListAsync(bob, direct.ConversationId, $"?type=image&limit=2&before={first.NextBefore}");

        Assert.Equal([album.Seq, album.Seq, album.Seq], first.Items.Select(i => i.Seq));
        Assert.Equal(album.Seq, first.NextBefore);
        Assert.Equal([single.Seq], second.Items.Select(i => i.Seq));
        Assert.Null(second.NextBefore);
    }

    [Fact]
    public async Task A_stranger_and_a_removed_member_are_refused_and_bad_parameters_are_bad_requests()
    {
        var (alice, bob, mallory) = (await RegisterAsync(), await RegisterAsync(), await RegisterAsync());
        var group = await ConversationApi.CreateAsync(grid.First.Http, alice, "group", "closed", bob);
        var photo = await _files.CompletedAsync(alice.UserId);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await FileMessages.SendImageAsync(aliceConnection, group.ConversationId, photo);
        Assert.Single((await ListAsync(bob, group.ConversationId, "")).Items);

        using var removal = await grid.First.Http.SendAsync(alice.Request(HttpMethod.Delete, $"/api/conversations/{group.ConversationId}/members/{bob.UserId}"));
        removal.EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(mallory, $"/api/conversations/{group.ConversationId}/files?type=image"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(bob, $"/api/conversations/{group.ConversationId}/files?type=image"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(alice, $"/api/conversations/{Guid.NewGuid()}/files"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(alice, $"/api/conversations/{group.ConversationId}/files?type=executable"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(alice, $"/api/conversations/{group.ConversationId}/files?limit=0"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(alice, $"/api/conversations/{group.ConversationId}/files?before=0"));
    }

    private async Task<FilesPage> ListAsync(TestUser user, Guid conversationId, string query)
    {
        using var response = await grid.Second.Http.SendAsync(user.Request(HttpMethod.Get, $"/api/conversations/{conversationId}/files{query}"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<FilesPage>(JsonSerializerOptions.Web))!;
    }

    private async Task<HttpStatusCode> StatusAsync(TestUser user, string path)
    {
        using var response = await grid.First.Http.SendAsync(user.Request(HttpMethod.Get, path));
        return response.StatusCode;
    }

    private Task<TestUser> RegisterAsync() => TestUser.RegisterAsync(grid.First.Http);

    private sealed record FilesPage(List<FilesItem> Items, long? NextBefore);

    private sealed record FilesItem(long Seq, Guid SenderId, DateTimeOffset SentAt, FileBody File);

    private sealed record FileBody(Guid FileId, Guid OwnerId, string Name, long Size, string Kind);
}
