using System.Net;
using System.Net.Http.Json;
using Chat.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Conversations;

/// <summary>
/// What a client needs after a reload, from REST alone: the members' delivered and read positions
/// (as each reader's privacy allows) and the list with each conversation's last message, in order of
/// activity; and delivery acknowledged when a device catches up by Sync.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class ConversationStateApiTests(GridWithFrontends grid)
{
    private HttpClient Http => grid.First.Http;

    [Theory]
    [InlineData("everyone", true)]
    [InlineData("contacts", true)]
    [InlineData("nobody", false)]
    public async Task A_direct_chat_shows_the_peers_read_position_as_their_read_receipts_setting_allows(string readReceipts, bool shown)
    {
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        await SetReadReceiptsAsync(bob, readReceipts);
        var direct = await ConversationApi.CreateAsync(Http, alice, "direct", null, bob);
        // Bob takes the chat: a message request tells its sender nothing (PrivacyAndBlocksTests).
        (await Http.SendAsync(bob.Request(HttpMethod.Post, $"/api/conversations/{direct.ConversationId}/request/accept"))).EnsureSuccessStatusCode();
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        await aliceConnection.SendAsync(direct.ConversationId, "one");
        await aliceConnection.SendAsync(direct.ConversationId, "two");
        await aliceConnection.SendAsync(direct.ConversationId, "three");
        await bobConnection.Hub.InvokeAsync("MarkDelivered", direct.ConversationId, 3L);
        await bobConnection.Hub.InvokeAsync("MarkRead", direct.ConversationId, 2L);

        var atAlice = await GetAsync(alice, direct.ConversationId);
        var atBob = await GetAsync(bob, direct.ConversationId);

        var bobAtAlice = atAlice.Members.Single(m => m.UserId == bob.UserId);
        Assert.Equal(3, bobAtAlice.DeliveredSeq);
        Assert.Equal(shown ? 2 : null, bobAtAlice.ReadSeq);
        Assert.Equal(3, atAlice.Members.Single(m => m.UserId == alice.UserId).ReadSeq); // sending reads
        Assert.Equal(2, atBob.Members.Single(m => m.UserId == bob.UserId).ReadSeq); // one's own, always
    }

    [Fact]
    public async Task A_group_shows_read_positions_of_everyone_readers_only_and_nothing_to_someone_the_reader_blocked()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var carol = await TestUser.RegisterAsync(Http);
        var dave = await TestUser.RegisterAsync(Http);
        var mallory = await TestUser.RegisterAsync(Http);
        await SetReadReceiptsAsync(carol, "contacts");
        await SetReadReceiptsAsync(dave, "nobody");
        var group = await ConversationApi.CreateAsync(Http, alice, "group", "cursors", bob, carol, dave, mallory);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await aliceConnection.SendAsync(group.ConversationId, "hello all");
        foreach (var reader in new[] { bob, carol, dave })
        {
            await using var connection = await ChatConnection.ConnectAsync(grid.Second.Address, reader);
            await connection.Hub.InvokeAsync("MarkRead", group.ConversationId, 1L);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await Http.SendAsync(bob.Request(HttpMethod.Post, $"/api/users/me/blocks/{mallory.UserId}"))).StatusCode);

        var atAlice = (await GetAsync(alice, group.ConversationId)).Members.ToDictionary(m => m.UserId);
        var atMallory = (await GetAsync(mallory, group.ConversationId)).Members.ToDictionary(m => m.UserId);
        var stranger = await TestUser.RegisterAsync(Http);
        var refused = await Http.SendAsync(stranger.Request(HttpMethod.Get, $"/api/conversations/{group.ConversationId}"));

        Assert.Equal(1, atAlice[bob.UserId].ReadSeq);
        Assert.Null(atAlice[carol.UserId].ReadSeq); // "contacts" covers direct chats only
        Assert.Null(atAlice[dave.UserId].ReadSeq);
        Assert.All([bob, carol, dave], r => Assert.Equal(1, atAlice[r.UserId].DeliveredSeq));
        Assert.Equal(0, atAlice[mallory.UserId].ReadSeq);
        Assert.Null(atMallory[bob.UserId].ReadSeq); // bob blocked mallory
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task The_list_is_ordered_by_latest_activity_with_each_last_message_and_never_lists_a_strangers_conversation()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var mallory = await TestUser.RegisterAsync(Http);
        var quiet = await ConversationApi.CreateAsync(Http, alice, "group", "quiet", bob);
        var first = await ConversationApi.CreateAsync(Http, alice, "group", "first", bob);
        var second = await ConversationApi.CreateAsync(Http, alice, "direct", null, bob);
        var elsewhere = await ConversationApi.CreateAsync(Http, mallory, "direct", null, bob);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        await aliceConnection.SendAsync(first.ConversationId, "older");
        await bobConnection.SendAsync(second.ConversationId, "from bob");
        var newest = await aliceConnection.SendAsync(first.ConversationId, "newest");
        await bobConnection.SendAsync(elsewhere.ConversationId, "not for alice");

        var list = await ListAsync(alice);

        Assert.Equal([first.ConversationId, second.ConversationId, quiet.ConversationId], list.Select(i => i.ConversationId));
        Assert.Equal("newest", list[0].LastMessage!.Content);
        Assert.Equal(newest.Seq, list[0].LastMessage!.Seq);
        Assert.Equal(list[0].LastMessage!.SentAt, list[0].LastActivityAt);
        Assert.True((newest.SentAt - list[0].LastActivityAt).Duration() < TimeSpan.FromMilliseconds(1)); // stored in microseconds
        Assert.Equal(bob.UserId, list[1].LastMessage!.SenderId);
        Assert.Null(list[2].LastMessage);
        Assert.True(list[2].LastActivityAt > DateTimeOffset.UtcNow.AddMinutes(-5) && list[2].LastActivityAt <= list[1].LastActivityAt);
    }

    [Fact]
    public async Task The_last_message_skips_ones_hidden_for_me_and_shows_deleted_and_expired_ones_without_content()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var hidden = await ConversationApi.CreateAsync(Http, alice, "direct", null, bob);
        var deleted = await ConversationApi.CreateAsync(Http, alice, "group", "deleted", bob);
        var expired = await ConversationApi.CreateAsync(Http, alice, "group", "expired", bob);
        var onlyHidden = await ConversationApi.CreateAsync(Http, alice, "group", "only hidden", bob);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await aliceConnection.SendAsync(hidden.ConversationId, "still here");
        var gone = await aliceConnection.SendAsync(hidden.ConversationId, "hidden for alice");
        await aliceConnection.Hub.InvokeAsync("DeleteMessage", hidden.ConversationId, gone.Seq, false);
        var erased = await aliceConnection.SendAsync(deleted.ConversationId, "deleted for everyone");
        await aliceConnection.Hub.InvokeAsync("DeleteMessage", deleted.ConversationId, erased.Seq, true);
        await aliceConnection.Hub.InvokeAsync<MessageAck>("SendMessage",
            new { conversationId = expired.ConversationId, clientMessageId = Guid.NewGuid().ToString(), content = "burns", expiresInSeconds = 1 });
        var lone = await aliceConnection.SendAsync(onlyHidden.ConversationId, "the only one");
        await aliceConnection.Hub.InvokeAsync("DeleteMessage", onlyHidden.ConversationId, lone.Seq, false);

        var atBob = (await ListAsync(bob)).ToDictionary(i => i.ConversationId);
        Assert.Equal("hidden for alice", atBob[hidden.ConversationId].LastMessage!.Content);

        // Reads treat an expired message as deleted as soon as it expires, whether or not its timer has run yet.
        var atAlice = await ListUntilAsync(alice, l => l[expired.ConversationId].LastMessage is { Deleted: true });
        Assert.Equal("still here", atAlice[hidden.ConversationId].LastMessage!.Content);
        Assert.Equal(2, atAlice[hidden.ConversationId].LastSeq);
        var deletedLast = atAlice[deleted.ConversationId].LastMessage!;
        Assert.True(deletedLast.Deleted);
        Assert.Equal("", deletedLast.Content);
        var expiredLast = atAlice[expired.ConversationId].LastMessage!;
        Assert.Equal(1, expiredLast.Seq);
        Assert.True(expiredLast.Deleted);
        Assert.Equal("", expiredLast.Content);
        Assert.Null(atAlice[onlyHidden.ConversationId].LastMessage);
        Assert.Equal(lone.Seq, atBob[onlyHidden.ConversationId].LastMessage!.Seq);
        Assert.True(atAlice[onlyHidden.ConversationId].LastActivityAt < atBob[onlyHidden.ConversationId].LastMessage!.SentAt); // when she joined
    }

    [Fact]
    public async Task Sync_moves_the_delivered_cursor_and_tells_the_sender_but_never_backwards_nor_for_ones_own_messages()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var direct = await ConversationApi.CreateAsync(Http, alice, "direct", null, bob);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await aliceConnection.SendAsync(direct.ConversationId, "while you were away 1");
        await aliceConnection.SendAsync(direct.ConversationId, "while you were away 2");

        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        var synced = await SyncAsync(bobConnection, direct.ConversationId, 0);
        var receipt = await aliceConnection.NextEventAsync("DeliveryReceipt");

        Assert.Equal([1L, 2], synced.Select(m => m.Seq));
        Assert.Equal(bob.UserId, receipt.GetProperty("userId").GetGuid());
        Assert.Equal(2, receipt.GetProperty("seq").GetInt64());
        Assert.Equal(2, (await GetAsync(alice, direct.ConversationId)).Members.Single(m => m.UserId == bob.UserId).DeliveredSeq);

        // Bob's own message, an older cursor and an empty page move nothing and announce nothing: the
        // next receipt Alice gets (events of a conversation arrive in order) is for the message after.
        await bobConnection.SendAsync(direct.ConversationId, "bob's own");
        await SyncAsync(bobConnection, direct.ConversationId, 2);
        await SyncAsync(bobConnection, direct.ConversationId, 0);
        await SyncAsync(bobConnection, direct.ConversationId, 3);
        var fourth = await aliceConnection.SendAsync(direct.ConversationId, "four");
        await bobConnection.Hub.InvokeAsync("MarkDelivered", direct.ConversationId, fourth.Seq);
        var next = await aliceConnection.NextEventAsync("DeliveryReceipt");

        Assert.Equal(fourth.Seq, next.GetProperty("seq").GetInt64());
        Assert.Equal(bob.UserId, next.GetProperty("userId").GetGuid());
        Assert.False(aliceConnection.TryTakeEvent("DeliveryReceipt", out _));
    }

    private static Task<List<ChatMessage>> SyncAsync(ChatConnection connection, Guid conversationId, long afterSeq) =>
        connection.Hub.InvokeAsync<List<ChatMessage>>("Sync", new[] { new { conversationId, afterSeq } });

    // For a condition no event announces (a message expiring): poll with a deadline.
    private async Task<Dictionary<Guid, ConversationListItem>> ListUntilAsync(TestUser user, Func<Dictionary<Guid, ConversationListItem>, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var list = (await ListAsync(user)).ToDictionary(i => i.ConversationId);
            if (condition(list) || DateTime.UtcNow > deadline)
            {
                return list;
            }

            await Task.Delay(200);
        }
    }

    private async Task SetReadReceiptsAsync(TestUser user, string readReceipts)
    {
        var response = await Http.SendAsync(user.Request(HttpMethod.Put, "/api/users/me/privacy",
            new { lastSeen = "everyone", profilePhoto = "everyone", readReceipts }));
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
    }

    private async Task<ConversationInfo> GetAsync(TestUser user, Guid conversationId)
    {
        var response = await Http.SendAsync(user.Request(HttpMethod.Get, $"/api/conversations/{conversationId}"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ConversationInfo>())!;
    }

    private async Task<List<ConversationListItem>> ListAsync(TestUser user)
    {
        var response = await Http.SendAsync(user.Request(HttpMethod.Get, "/api/conversations"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<ConversationListItem>>())!;
    }
}
