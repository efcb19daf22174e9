using System.Net;
using System.Net.Http.Json;
using Chat.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Conversations;

[Collection(MessagingCollection.Name)]
public sealed class ConversationRulesTests(GridWithFrontends grid)
{
    private HttpClient Http => grid.First.Http;

    [Fact]
    public async Task In_a_channel_only_admins_post_and_subscribers_receive()
    {
        var owner = await TestUser.RegisterAsync(Http);
        var subscriber = await TestUser.RegisterAsync(Http);
        var channel = await ConversationApi.CreateAsync(Http, owner, "channel", "news", subscriber);
        await using var ownerConnection = await ChatConnection.ConnectAsync(grid.First.Address, owner);
        await using var subscriberConnection = await ChatConnection.ConnectAsync(grid.Second.Address, subscriber);

        await ownerConnection.SendAsync(channel.ConversationId, "announcement");
        var refused = await Assert.ThrowsAsync<HubException>(() => subscriberConnection.SendAsync(channel.ConversationId, "reply"));

        Assert.Equal("announcement", (await subscriberConnection.NextMessageAsync()).Content);
        Assert.Equal("forbidden", HubErrors.Code(refused));
        Assert.Equal(MemberRoles.Subscriber, channel.Members.Single(m => m.UserId == subscriber.UserId).Role);
    }

    [Fact]
    public async Task Added_members_receive_live_and_removed_or_leaving_members_stop_and_are_forbidden()
    {
        var owner = await TestUser.RegisterAsync(Http);
        var member = await TestUser.RegisterAsync(Http);
        var newcomer = await TestUser.RegisterAsync(Http);
        var group = await ConversationApi.CreateAsync(Http, owner, "group", "team", member);
        await using var ownerConnection = await ChatConnection.ConnectAsync(grid.First.Address, owner);
        await using var newcomerConnection = await ChatConnection.ConnectAsync(grid.Second.Address, newcomer);
        await using var memberConnection = await ChatConnection.ConnectAsync(grid.Second.Address, member);

        var byMember = await Http.SendAsync(member.Request(HttpMethod.Post, $"/api/conversations/{group.ConversationId}/members", new { userIds = new[] { newcomer.UserId } }));
        var byOwner = await Http.SendAsync(owner.Request(HttpMethod.Post, $"/api/conversations/{group.ConversationId}/members", new { userIds = new[] { newcomer.UserId } }));
        await newcomerConnection.NextEventAsync("ConversationAdded");
        await ownerConnection.SendAsync(group.ConversationId, "welcome");

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
        Assert.Equal("welcome", (await newcomerConnection.NextMessageAsync()).Content);

        var memberRemovesOwner = await Http.SendAsync(member.Request(HttpMethod.Delete, $"/api/conversations/{group.ConversationId}/members/{owner.UserId}"));
        var leave = await Http.SendAsync(member.Request(HttpMethod.Delete, $"/api/conversations/{group.ConversationId}/members/{member.UserId}"));
        await memberConnection.NextEventAsync("ConversationRemoved");
        var afterLeaving = await Assert.ThrowsAsync<HubException>(() => memberConnection.SendAsync(group.ConversationId, "still here?"));
        await ownerConnection.SendAsync(group.ConversationId, "after leave");

        Assert.Equal(HttpStatusCode.Forbidden, memberRemovesOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, leave.StatusCode);
        Assert.Equal("forbidden", HubErrors.Code(afterLeaving));
        Assert.Equal("after leave", (await newcomerConnection.NextMessageAsync()).Content);
        Assert.Equal("welcome", (await memberConnection.NextMessageAsync()).Content);
        Assert.False(memberConnection.TryTakeMessage(out _));
    }

    [Fact]
    public async Task Owners_and_admins_rename_a_group_members_see_it_live_and_bad_names_or_plain_members_change_nothing()
    {
        var owner = await TestUser.RegisterAsync(Http);
        var admin = await TestUser.RegisterAsync(Http);
        var member = await TestUser.RegisterAsync(Http);
        var group = await ConversationApi.CreateAsync(Http, owner, "group", "before", admin, member);
        var direct = await ConversationApi.CreateAsync(Http, owner, "direct", null, member);
        await Http.SendAsync(owner.Request(HttpMethod.Put, $"/api/conversations/{group.ConversationId}/members/{admin.UserId}/role", new { role = "admin" }));
        await using var memberConnection = await ChatConnection.ConnectAsync(grid.Second.Address, member);
        var path = $"/api/conversations/{group.ConversationId}";

        var byMember = await Http.SendAsync(member.Request(HttpMethod.Patch, path, new { name = "by member" }));
        var blank = await Http.SendAsync(owner.Request(HttpMethod.Patch, path, new { name = "   " }));
        var tooLong = await Http.SendAsync(owner.Request(HttpMethod.Patch, path, new { name = new string('x', 129) }));
        var missing = await Http.SendAsync(owner.Request(HttpMethod.Patch, path, new { }));
        var directRename = await Http.SendAsync(owner.Request(HttpMethod.Patch, $"/api/conversations/{direct.ConversationId}", new { name = "us" }));
        var byAdmin = await Http.SendAsync(admin.Request(HttpMethod.Patch, path, new { name = "  after  " }));
        var live = await memberConnection.NextEventAsync("ConversationUpdated");
        var listed = await Http.SendAsync(member.Request(HttpMethod.Get, "/api/conversations"));

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, directRename.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal("after", (await byAdmin.Content.ReadFromJsonAsync<ConversationInfo>())!.Name);
        Assert.Equal(group.ConversationId.ToString(), live.GetProperty("conversationId").GetString());
        Assert.Equal("after", live.GetProperty("name").GetString());
        Assert.False(memberConnection.TryTakeEvent("ConversationUpdated", out _));
        var rows = await listed.Content.ReadFromJsonAsync<List<System.Text.Json.JsonElement>>();
        Assert.Equal("after", rows!.Single(r => r.GetProperty("conversationId").GetString() == group.ConversationId.ToString()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_invite_link_admits_up_to_its_use_limit_and_not_after_revocation()
    {
        var owner = await TestUser.RegisterAsync(Http);
        var first = await TestUser.RegisterAsync(Http);
        var second = await TestUser.RegisterAsync(Http);
        var group = await ConversationApi.CreateAsync(Http, owner, "group", "invite-only");

        var created = await Http.SendAsync(owner.Request(HttpMethod.Post, $"/api/conversations/{group.ConversationId}/invites", new { maxUses = 1 }));
        var invite = (await created.Content.ReadFromJsonAsync<InviteLink>())!;
        var joined = await Http.SendAsync(first.Request(HttpMethod.Post, $"/api/invites/{invite.Code}/join"));
        var overLimit = await Http.SendAsync(second.Request(HttpMethod.Post, $"/api/invites/{invite.Code}/join"));
        var forged = await Http.SendAsync(second.Request(HttpMethod.Post, $"/api/invites/{group.ConversationId:N}.not-the-secret/join"));

        var another = (await (await Http.SendAsync(owner.Request(HttpMethod.Post, $"/api/conversations/{group.ConversationId}/invites", new { }))).Content.ReadFromJsonAsync<InviteLink>())!;
        var revoke = await Http.SendAsync(owner.Request(HttpMethod.Delete, $"/api/conversations/{group.ConversationId}/invites/{another.Code}"));
        var afterRevoke = await Http.SendAsync(second.Request(HttpMethod.Post, $"/api/invites/{another.Code}/join"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Contains((await joined.Content.ReadFromJsonAsync<ConversationInfo>())!.Members, m => m.UserId == first.UserId);
        Assert.Equal(HttpStatusCode.NotFound, overLimit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterRevoke.StatusCode);
    }

    [Fact]
    public async Task Edits_deletes_and_reactions_reach_members_and_history()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var group = await ConversationApi.CreateAsync(Http, alice, "group", "edits", bob);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        var first = await aliceConnection.SendAsync(group.ConversationId, "helo");
        var second = await aliceConnection.SendAsync(group.ConversationId, "to delete");
        var third = await aliceConnection.SendAsync(group.ConversationId, "hide me");

        await aliceConnection.Hub.InvokeAsync<ChatMessage>("EditMessage", group.ConversationId, first.Seq, "hello");
        var edited = await bobConnection.NextEventAsync("MessageUpdated");
        var bobEdits = await Assert.ThrowsAsync<HubException>(() => bobConnection.Hub.InvokeAsync<ChatMessage>("EditMessage", group.ConversationId, first.Seq, "hacked"));
        Assert.True(await bobConnection.Hub.InvokeAsync<bool>("React", group.ConversationId, first.Seq, "👍"));
        Assert.True(await aliceConnection.Hub.InvokeAsync<bool>("React", group.ConversationId, first.Seq, "👍"));
        Assert.True(await aliceConnection.Hub.InvokeAsync<bool>("React", group.ConversationId, first.Seq, "🎉"));
        Assert.False(await aliceConnection.Hub.InvokeAsync<bool>("React", group.ConversationId, first.Seq, "🎉"));
        await aliceConnection.Hub.InvokeAsync("DeleteMessage", group.ConversationId, second.Seq, true);
        await bobConnection.Hub.InvokeAsync("DeleteMessage", group.ConversationId, third.Seq, false);

        Assert.Equal("hello", edited.GetProperty("content").GetString());
        Assert.True(edited.TryGetProperty("editedAt", out _));
        Assert.Equal("forbidden", HubErrors.Code(bobEdits));
        var bobsHistory = await HistoryAsync(bob, group.ConversationId);
        var alicesHistory = await HistoryAsync(alice, group.ConversationId);
        Assert.Equal([first.Seq, second.Seq], bobsHistory.Messages.Select(m => m.Seq));
        Assert.Equal([first.Seq, second.Seq, third.Seq], alicesHistory.Messages.Select(m => m.Seq));
        var reactions = Assert.Single(bobsHistory.Messages[0].Reactions!);
        Assert.Equal("👍", reactions.Emoji);
        Assert.Equal([bob.UserId, alice.UserId], reactions.UserIds);
        Assert.True(bobsHistory.Messages[1].Deleted);
        Assert.Equal("", bobsHistory.Messages[1].Content);
    }

    [Fact]
    public async Task Read_cursors_drive_unread_counts_and_read_receipts()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var direct = await ConversationApi.CreateAsync(Http, alice, "direct", null, bob);
        // Bob accepts Alice's request: reading a request would tell her nothing.
        (await Http.SendAsync(bob.Request(HttpMethod.Post, $"/api/conversations/{direct.ConversationId}/request/accept"))).EnsureSuccessStatusCode();
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        for (var i = 0; i < 3; i++)
        {
            await aliceConnection.SendAsync(direct.ConversationId, $"m{i}");
        }

        var before = await ListItemAsync(bob, direct.ConversationId);
        var senderView = await ListItemAsync(alice, direct.ConversationId);
        await bobConnection.Hub.InvokeAsync("MarkRead", direct.ConversationId, 2L);
        var receipt = await aliceConnection.NextEventAsync("ReadReceipt");
        var after = await ListItemAsync(bob, direct.ConversationId);

        Assert.Equal(3, before.Unread);
        Assert.Equal(0, senderView.Unread);
        Assert.Equal(bob.UserId, receipt.GetProperty("userId").GetGuid());
        Assert.Equal(2, receipt.GetProperty("seq").GetInt64());
        Assert.Equal(1, after.Unread);
        Assert.Equal(2, after.ReadSeq);
    }

    [Fact]
    public async Task Bad_messages_are_refused_with_their_code_and_store_nothing()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var direct = await ConversationApi.CreateAsync(Http, alice, "direct", null, bob);
        await using var connection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        Task Send(object message) => connection.Hub.InvokeAsync<MessageAck>("SendMessage", message);
        var id = direct.ConversationId;

        var tooLong = await Assert.ThrowsAsync<HubException>(() => Send(new { conversationId = id, clientMessageId = "a", content = new string('x', 16_001) }));
        var unknownType = await Assert.ThrowsAsync<HubException>(() => Send(new { conversationId = id, clientMessageId = "b", content = "x", type = "html" }));
        var badMetadata = await Assert.ThrowsAsync<HubException>(() => Send(new { conversationId = id, clientMessageId = "c", content = "x", metadata = new[] { 1, 2 } }));
        var imageWithoutMetadata = await Assert.ThrowsAsync<HubException>(() => Send(new { conversationId = id, clientMessageId = "d", content = "", type = "image" }));
        var empty = await Assert.ThrowsAsync<HubException>(() => Send(new { conversationId = id, clientMessageId = "e", content = "  " }));
        var noClientId = await Assert.ThrowsAsync<HubException>(() => Send(new { conversationId = id, content = "x" }));
        await connection.SendAsync(id, "still works");

        Assert.Equal("too_large", HubErrors.Code(tooLong));
        Assert.All(new[] { unknownType, badMetadata, imageWithoutMetadata, empty, noClientId }, e => Assert.Equal("bad_request", HubErrors.Code(e)));
        var history = await HistoryAsync(alice, id);
        Assert.Equal("still works", Assert.Single(history.Messages).Content);
        Assert.Equal(1, history.Messages[0].Seq);
    }

    [Fact]
    public async Task Pins_bookmarks_and_forwarding()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var source = await ConversationApi.CreateAsync(Http, alice, "group", "source", bob);
        var target = await ConversationApi.CreateAsync(Http, alice, "direct", null, bob);
        await using var connection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        var original = await connection.SendAsync(source.ConversationId, "worth keeping");

        await connection.Hub.InvokeAsync("PinMessage", source.ConversationId, original.Seq, true);
        var bookmark = await Http.SendAsync(alice.Request(HttpMethod.Put, $"/api/conversations/{source.ConversationId}/messages/{original.Seq}/bookmark"));
        var forwarded = await connection.Hub.InvokeAsync<MessageAck>("ForwardMessage", source.ConversationId, original.Seq, target.ConversationId, Guid.NewGuid().ToString());

        var info = await (await Http.SendAsync(bob.Request(HttpMethod.Get, $"/api/conversations/{source.ConversationId}"))).Content.ReadFromJsonAsync<ConversationInfo>();
        var bookmarks = await (await Http.SendAsync(alice.Request(HttpMethod.Get, "/api/bookmarks"))).Content.ReadFromJsonAsync<List<Bookmark>>();
        var copy = Assert.Single((await HistoryAsync(bob, target.ConversationId)).Messages);
        Assert.Equal([original.Seq], info!.PinnedSeqs);
        Assert.Equal(HttpStatusCode.NoContent, bookmark.StatusCode);
        Assert.Equal((source.ConversationId, original.Seq), (Assert.Single(bookmarks!).ConversationId, bookmarks![0].Seq));
        Assert.Equal(forwarded.Seq, copy.Seq);
        Assert.Equal("worth keeping", copy.Content);
        Assert.Contains(source.ConversationId.ToString(), copy.MetadataJson);
    }

    private async Task<MessagePage> HistoryAsync(TestUser user, Guid conversationId) =>
        (await (await Http.SendAsync(user.Request(HttpMethod.Get, $"/api/conversations/{conversationId}/messages"))).Content.ReadFromJsonAsync<MessagePage>())!;

    private async Task<ConversationListItem> ListItemAsync(TestUser user, Guid conversationId)
    {
        var items = await (await Http.SendAsync(user.Request(HttpMethod.Get, "/api/conversations"))).Content.ReadFromJsonAsync<List<ConversationListItem>>();
        return items!.Single(i => i.ConversationId == conversationId);
    }
}
