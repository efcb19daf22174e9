using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Conversations;
using Chat.Tests.Files.Attachments;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Conversations;

/// <summary>Issue 15, privacy and blocks: presence, message requests, blocks on every event, who may add whom to groups.</summary>
[Collection(MessagingCollection.Name)]
public sealed class PrivacyAndBlocksTests(GridWithFrontends grid)
{
    private static readonly string[] MemberEvents = ["Typing", "ReactionChanged", "MessageUpdated", "PinsChanged", "LiveLocation"];

    private HttpClient Http => grid.First.Http;

    [Fact]
    public async Task A_blocked_user_can_neither_type_react_edit_pin_nor_share_live_location_and_the_blocker_gets_none_of_it()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var mallory = await TestUser.RegisterAsync(Http);
        var direct = await ConversationApi.CreateAsync(Http, mallory, "direct", null, alice);
        await using var malloryConnection = await ChatConnection.ConnectAsync(grid.Second.Address, mallory);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        var text = await malloryConnection.SendAsync(direct.ConversationId, "hello");
        var share = await malloryConnection.Hub.InvokeAsync<MessageAck>("SendMessage", new
        {
            conversationId = direct.ConversationId,
            clientMessageId = "live",
            content = "",
            type = "live_location",
            metadata = new { latitude = 48.85, longitude = 2.35, liveUntil = DateTimeOffset.UtcNow.AddMinutes(15) },
        });
        await aliceConnection.NextMessagesAsync(2);

        Assert.Equal(HttpStatusCode.NoContent, (await Http.SendAsync(alice.Request(HttpMethod.Post, $"/api/users/me/blocks/{mallory.UserId}"))).StatusCode);
        var refusals = new List<HubException>
        {
            await Assert.ThrowsAsync<HubException>(() => malloryConnection.Hub.InvokeAsync("Typing", direct.ConversationId, true)),
            await Assert.ThrowsAsync<HubException>(() => malloryConnection.Hub.InvokeAsync<bool>("React", direct.ConversationId, text.Seq, "👍")),
            await Assert.ThrowsAsync<HubException>(() => malloryConnection.Hub.InvokeAsync<ChatMessage>("EditMessage", direct.ConversationId, text.Seq, "edited")),
            await Assert.ThrowsAsync<HubException>(() => malloryConnection.Hub.InvokeAsync("PinMessage", direct.ConversationId, text.Seq, true)),
            await Assert.ThrowsAsync<HubException>(() => malloryConnection.Hub.InvokeAsync<bool>("UpdateLiveLocation", direct.ConversationId, share.Seq, 48.86, 2.36)),
            // Both ways: the blocker does not reach the blocked user either.
            await Assert.ThrowsAsync<HubException>(() => aliceConnection.Hub.InvokeAsync("Typing", direct.ConversationId, true)),
            await Assert.ThrowsAsync<HubException>(() => aliceConnection.Hub.InvokeAsync<bool>("React", direct.ConversationId, text.Seq, "👎")),
        };

        Assert.All(refusals, r => Assert.Equal("forbidden", HubErrors.Code(r)));
        var history = await (await Http.SendAsync(alice.Request(HttpMethod.Get, $"/api/conversations/{direct.ConversationId}/messages"))).Content.ReadFromJsonAsync<MessagePage>();
        Assert.Equal("hello", history!.Messages[0].Content);
        Assert.Null(history.Messages[0].EditedAt);
        var details = await (await Http.SendAsync(alice.Request(HttpMethod.Get, $"/api/conversations/{direct.ConversationId}"))).Content.ReadFromJsonAsync<ConversationInfo>();
        Assert.Empty(details!.PinnedSeqs);
        foreach (var method in MemberEvents)
        {
            Assert.False(aliceConnection.TryTakeEvent(method, out _), method);
            Assert.False(malloryConnection.TryTakeEvent(method, out _), method);
        }
    }

    [Fact]
    public async Task A_watch_made_before_a_block_or_a_privacy_change_stops_delivering_at_once()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var carol = await TestUser.RegisterAsync(Http);
        await ConversationApi.CreateAsync(Http, alice, "direct", null, bob);
        await ConversationApi.CreateAsync(Http, alice, "group", "team", carol);
        await using var aliceDevice = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var aliceOwnWatch = await ChatConnection.ConnectAsync(grid.Second.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        await using var carolConnection = await ChatConnection.ConnectAsync(grid.Second.Address, carol);
        Assert.Single(await bobConnection.Hub.InvokeAsync<List<JsonElement>>("WatchPresence", new[] { alice.UserId }));
        Assert.Single(await carolConnection.Hub.InvokeAsync<List<JsonElement>>("WatchPresence", new[] { alice.UserId }));
        Assert.Single(await aliceOwnWatch.Hub.InvokeAsync<List<JsonElement>>("WatchPresence", new[] { alice.UserId }));

        Assert.Equal(HttpStatusCode.NoContent, (await Http.SendAsync(alice.Request(HttpMethod.Post, $"/api/users/me/blocks/{bob.UserId}"))).StatusCode);
        var hidden = await bobConnection.NextEventAsync("PresenceChanged");
        await aliceDevice.Hub.InvokeAsync("SetPresence", "away");
        // Carol and Bob are on the same Frontend, whose stream is in order: had Bob's watch lived on,
        // he would hold "away" before Carol does.
        var carolSees = await carolConnection.NextEventAsync("PresenceChanged");

        var privacy = await Http.SendAsync(alice.Request(HttpMethod.Put, "/api/users/me/privacy",
            new { lastSeen = "nobody", profilePhoto = "everyone", readReceipts = "everyone", groupAdds = "everyone" }));
        privacy.EnsureSuccessStatusCode();
        await aliceDevice.Hub.InvokeAsync("SetPresence", "dnd");
        var ownSees = await aliceOwnWatch.NextEventAsync("PresenceChanged", TimeSpan.FromSeconds(10));
        while (ownSees.GetProperty("status").GetString() != "dnd")
        {
            ownSees = await aliceOwnWatch.NextEventAsync("PresenceChanged");
        }

        Assert.Equal("offline", hidden.GetProperty("status").GetString());
        Assert.False(hidden.TryGetProperty("lastSeen", out _));
        Assert.Equal("away", carolSees.GetProperty("status").GetString());
        Assert.False(bobConnection.TryTakeEvent("PresenceChanged", out _));
        Assert.Empty(await bobConnection.Hub.InvokeAsync<List<JsonElement>>("WatchPresence", new[] { alice.UserId }));

        // Carol still sees Alice's presence (she shares a group), now without a last seen: the change was
        // rechecked, and the "dnd" after it reached her.
        var carolNext = await carolConnection.NextEventAsync("PresenceChanged");
        Assert.Equal("dnd", carolNext.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Nobody_adds_someone_who_blocked_them_to_a_group_and_the_group_adds_setting_holds_on_create_and_add()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var mallory = await TestUser.RegisterAsync(Http);
        var friend = await TestUser.RegisterAsync(Http);
        var stranger = await TestUser.RegisterAsync(Http);
        var direct = await ConversationApi.CreateAsync(Http, friend, "direct", null, alice);
        await Http.SendAsync(alice.Request(HttpMethod.Post, $"/api/conversations/{direct.ConversationId}/request/accept"));
        Assert.Equal(HttpStatusCode.NoContent, (await Http.SendAsync(alice.Request(HttpMethod.Post, $"/api/users/me/blocks/{mallory.UserId}"))).StatusCode);
        var listBefore = await ListAsync(alice);

        var blockedCreate = await CreateGroupAsync(mallory, alice);
        var malloryGroup = await ConversationApi.CreateAsync(Http, mallory, "group", "trap", stranger);
        var blockedAdd = await Http.SendAsync(mallory.Request(HttpMethod.Post, $"/api/conversations/{malloryGroup.ConversationId}/members", new { userIds = new[] { alice.UserId } }));
        var blockerAdds = await CreateGroupAsync(alice, mallory);

        await SetGroupAddsAsync(alice, "contacts");
        var strangerCreate = await CreateGroupAsync(stranger, alice);
        var friendCreate = await CreateGroupAsync(friend, alice);
        await SetGroupAddsAsync(alice, "nobody");
        var friendGroup = await ConversationApi.CreateAsync(Http, friend, "group", "later", stranger);
        var friendAdd = await Http.SendAsync(friend.Request(HttpMethod.Post, $"/api/conversations/{friendGroup.ConversationId}/members", new { userIds = new[] { alice.UserId } }));

        Assert.Equal(HttpStatusCode.Forbidden, blockedCreate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, blockedAdd.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, blockerAdds.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, strangerCreate.StatusCode);
        Assert.Equal(HttpStatusCode.Created, friendCreate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, friendAdd.StatusCode);

        // The same answer whatever the reason, and nothing written.
        var blockedDetail = (await blockedCreate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        var privacyDetail = (await strangerCreate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Equal(blockedDetail!.Replace(alice.UserId.ToString(), "x"), privacyDetail!.Replace(alice.UserId.ToString(), "x"));
        var listAfter = await ListAsync(alice);
        Assert.Equal(listBefore.Count + 1, listAfter.Count); // only the friend's group
        var trap = await (await Http.SendAsync(mallory.Request(HttpMethod.Get, $"/api/conversations/{malloryGroup.ConversationId}"))).Content.ReadFromJsonAsync<ConversationInfo>();
        Assert.DoesNotContain(trap!.Members, m => m.UserId == alice.UserId);
    }

    [Fact]
    public async Task In_a_shared_group_the_read_receipts_and_typing_of_a_blocked_member_do_not_reach_the_blocker_and_back()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var carol = await TestUser.RegisterAsync(Http);
        var group = await ConversationApi.CreateAsync(Http, carol, "group", "shared", alice, bob);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        await using var carolConnection = await ChatConnection.ConnectAsync(grid.First.Address, carol);
        var sent = await carolConnection.SendAsync(group.ConversationId, "hello");
        await aliceConnection.NextMessageAsync();
        await bobConnection.NextMessageAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await Http.SendAsync(alice.Request(HttpMethod.Post, $"/api/users/me/blocks/{bob.UserId}"))).StatusCode);

        await bobConnection.Hub.InvokeAsync("MarkRead", group.ConversationId, sent.Seq);
        await bobConnection.Hub.InvokeAsync("Typing", group.ConversationId, true);
        await aliceConnection.Hub.InvokeAsync("MarkRead", group.ConversationId, sent.Seq);
        var carolGetsBob = await WaitForAsync(carolConnection, "ReadReceipt", bob.UserId);
        await WaitForAsync(carolConnection, "Typing", bob.UserId);
        var carolGetsAlice = await WaitForAsync(carolConnection, "ReadReceipt", alice.UserId);
        // Alice and Carol share a Frontend (its stream is in order); Carol's own later typing reaches Alice after anything of Bob's would have.
        await carolConnection.Hub.InvokeAsync("Typing", group.ConversationId, true);
        await WaitForAsync(aliceConnection, "Typing", carol.UserId);
        await WaitForAsync(bobConnection, "Typing", carol.UserId);

        Assert.Equal(sent.Seq, carolGetsBob.GetProperty("seq").GetInt64());
        Assert.Equal(sent.Seq, carolGetsAlice.GetProperty("seq").GetInt64());
        Assert.DoesNotContain(Drain(aliceConnection, "ReadReceipt"), e => e.GetProperty("userId").GetGuid() == bob.UserId);
        Assert.DoesNotContain(Drain(aliceConnection, "Typing"), e => e.GetProperty("userId").GetGuid() == bob.UserId);
        Assert.DoesNotContain(Drain(bobConnection, "ReadReceipt"), e => e.GetProperty("userId").GetGuid() == alice.UserId);
    }

    [Fact]
    public async Task A_first_message_from_a_stranger_is_a_request_that_gives_them_nothing_contact_only_until_accepted()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var stranger = await TestUser.RegisterAsync(Http);
        var avatar = await new FileRows(grid.Grid.Database).CompletedAsync(alice.UserId, purpose: "avatar");
        await Http.SendAsync(alice.Request(HttpMethod.Patch, "/api/users/me/profile", new { avatarFileId = avatar }));
        (await Http.SendAsync(alice.Request(HttpMethod.Put, "/api/users/me/privacy",
            new { lastSeen = "contacts", profilePhoto = "contacts", readReceipts = "everyone" }))).EnsureSuccessStatusCode();
        var direct = await ConversationApi.CreateAsync(Http, stranger, "direct", null, alice);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var strangerConnection = await ChatConnection.ConnectAsync(grid.First.Address, stranger);
        var first = await strangerConnection.SendAsync(direct.ConversationId, "hi, we have not met");
        await aliceConnection.NextMessageAsync();

        var asRequest = Assert.Single(await ListAsync(alice), c => c.ConversationId == direct.ConversationId);
        var senderSide = Assert.Single(await ListAsync(stranger), c => c.ConversationId == direct.ConversationId);
        var photoBefore = await AvatarOfAsync(alice, stranger);
        var watchBefore = await strangerConnection.Hub.InvokeAsync<List<JsonElement>>("WatchPresence", new[] { alice.UserId });
        await aliceConnection.Hub.InvokeAsync("MarkRead", direct.ConversationId, first.Seq);
        var ownReceipt = await aliceConnection.NextEventAsync("ReadReceipt");
        var strangerDetails = await (await Http.SendAsync(stranger.Request(HttpMethod.Get, $"/api/conversations/{direct.ConversationId}"))).Content.ReadFromJsonAsync<ConversationInfo>();

        var accept = await Http.SendAsync(alice.Request(HttpMethod.Post, $"/api/conversations/{direct.ConversationId}/request/accept"));
        var accepted = Assert.Single(await ListAsync(alice), c => c.ConversationId == direct.ConversationId);
        var photoAfter = await AvatarOfAsync(alice, stranger);
        await aliceConnection.Hub.InvokeAsync("MarkRead", direct.ConversationId, first.Seq);
        var receiptAfter = await strangerConnection.NextEventAsync("ReadReceipt");

        Assert.True(asRequest.MessageRequest);
        Assert.False(senderSide.MessageRequest);
        Assert.Null(photoBefore);
        Assert.Empty(watchBefore);
        Assert.Equal(first.Seq, ownReceipt.GetProperty("seq").GetInt64());
        Assert.Null(strangerDetails!.Members.Single(m => m.UserId == alice.UserId).ReadSeq);
        Assert.Equal(HttpStatusCode.NoContent, accept.StatusCode);
        Assert.False(accepted.MessageRequest);
        Assert.Equal(avatar, photoAfter);
        Assert.Equal(alice.UserId, receiptAfter.GetProperty("userId").GetGuid());
        Assert.Single(await strangerConnection.Hub.InvokeAsync<List<JsonElement>>("WatchPresence", new[] { alice.UserId }));
    }

    [Fact]
    public async Task A_request_can_be_ignored_until_a_newer_message_or_blocked_and_only_its_recipient_answers_it()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var pest = await TestUser.RegisterAsync(Http);
        var spammer = await TestUser.RegisterAsync(Http);
        var ignored = await ConversationApi.CreateAsync(Http, pest, "direct", null, alice);
        var blocked = await ConversationApi.CreateAsync(Http, spammer, "direct", null, alice);
        var group = await ConversationApi.CreateAsync(Http, alice, "group", "g", pest);
        await using var pestConnection = await ChatConnection.ConnectAsync(grid.Second.Address, pest);
        await using var spammerConnection = await ChatConnection.ConnectAsync(grid.Second.Address, spammer);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await pestConnection.SendAsync(ignored.ConversationId, "one");
        await spammerConnection.SendAsync(blocked.ConversationId, "buy now");

        var senderIgnores = await Http.SendAsync(pest.Request(HttpMethod.Post, $"/api/conversations/{ignored.ConversationId}/request/ignore"));
        var unknownAnswer = await Http.SendAsync(alice.Request(HttpMethod.Post, $"/api/conversations/{ignored.ConversationId}/request/maybe"));
        var onAGroup = await Http.SendAsync(alice.Request(HttpMethod.Post, $"/api/conversations/{group.ConversationId}/request/accept"));
        var outsider = await Http.SendAsync(spammer.Request(HttpMethod.Post, $"/api/conversations/{ignored.ConversationId}/request/accept"));
        await aliceConnection.Hub.InvokeAsync("AnswerMessageRequest", ignored.ConversationId, "ignore");
        var afterIgnore = await ListAsync(alice);
        await pestConnection.SendAsync(ignored.ConversationId, "two");
        var afterNewer = await ListAsync(alice);
        var block = await Http.SendAsync(alice.Request(HttpMethod.Post, $"/api/conversations/{blocked.ConversationId}/request/block"));
        var afterBlock = await ListAsync(alice);
        var write = await Assert.ThrowsAsync<HubException>(() => spammerConnection.SendAsync(blocked.ConversationId, "again"));
        var blocks = await (await Http.SendAsync(alice.Request(HttpMethod.Get, "/api/users/me/blocks"))).Content.ReadFromJsonAsync<List<JsonElement>>();

        Assert.Equal(HttpStatusCode.Conflict, senderIgnores.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, onAGroup.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        Assert.DoesNotContain(afterIgnore, c => c.ConversationId == ignored.ConversationId);
        Assert.True(Assert.Single(afterNewer, c => c.ConversationId == ignored.ConversationId).MessageRequest);
        Assert.Equal(HttpStatusCode.NoContent, block.StatusCode);
        Assert.DoesNotContain(afterBlock, c => c.ConversationId == blocked.ConversationId);
        Assert.Equal("forbidden", HubErrors.Code(write));
        Assert.Contains(blocks!, b => b.GetProperty("userId").GetGuid() == spammer.UserId);
    }

    private Task<HttpResponseMessage> CreateGroupAsync(TestUser creator, params TestUser[] members) =>
        Http.SendAsync(creator.Request(HttpMethod.Post, "/api/conversations", new { type = "group", name = "g", memberIds = members.Select(m => m.UserId).ToArray() }));

    private async Task SetGroupAddsAsync(TestUser user, string groupAdds) =>
        (await Http.SendAsync(user.Request(HttpMethod.Put, "/api/users/me/privacy",
            new { lastSeen = "everyone", profilePhoto = "everyone", readReceipts = "everyone", groupAdds }))).EnsureSuccessStatusCode();

    private async Task<List<ConversationListItem>> ListAsync(TestUser user)
    {
        var response = await Http.SendAsync(user.Request(HttpMethod.Get, "/api/conversations"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<ConversationListItem>>())!;
    }

    private async Task<Guid?> AvatarOfAsync(TestUser owner, TestUser viewer)
    {
        var profile = await (await Http.SendAsync(viewer.Request(HttpMethod.Get, $"/api/users/{owner.UserId}"))).Content.ReadFromJsonAsync<JsonElement>();
        return profile.GetProperty("avatarFileId").ValueKind == JsonValueKind.Null ? null : profile.GetProperty("avatarFileId").GetGuid();
    }

    private static async Task<JsonElement> WaitForAsync(ChatConnection connection, string method, Guid userId)
    {
        while (true)
        {
            var next = await connection.NextEventAsync(method);
            if (next.GetProperty("userId").GetGuid() == userId)
            {
                return next;
            }
        }
    }

    private static List<JsonElement> Drain(ChatConnection connection, string method)
    {
        var events = new List<JsonElement>();
        while (connection.TryTakeEvent(method, out var next))
        {
            events.Add(next);
        }

        return events;
    }
}
