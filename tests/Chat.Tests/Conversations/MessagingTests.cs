using System.Net;
using System.Net.Http.Json;
using Chat.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Conversations;

[Collection(MessagingCollection.Name)]
public sealed class MessagingTests(GridWithFrontends grid)
{
    [Fact]
    public async Task Users_on_different_frontends_exchange_messages_in_order_and_the_senders_other_device_gets_them()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var bob = await TestUser.RegisterAsync(grid.Second.Http);
        var conversation = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        await using var alicePhone = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var aliceLaptop = await ChatConnection.ConnectAsync(grid.Second.Address, alice);
        await using var bobPhone = await ChatConnection.ConnectAsync(grid.Second.Address, bob);

        for (var i = 1; i <= 5; i++)
        {
            await alicePhone.SendAsync(conversation.ConversationId, $"alice {i}");
        }

        await bobPhone.SendAsync(conversation.ConversationId, "bob 6");

        var atBob = await bobPhone.NextMessagesAsync(6);
        var atLaptop = await aliceLaptop.NextMessagesAsync(6);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), atBob.Select(m => m.Seq));
        Assert.Equal(["alice 1", "alice 2", "alice 3", "alice 4", "alice 5", "bob 6"], atBob.Select(m => m.Content));
        Assert.Equal(atBob.Select(m => m.MessageId), atLaptop.Select(m => m.MessageId));
        Assert.Equal(alice.UserId, atBob[0].SenderId);
        Assert.Equal(bob.UserId, atLaptop[5].SenderId);
    }

    [Fact]
    public async Task A_client_that_reconnects_gets_exactly_the_missed_messages_by_sync()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var bob = await TestUser.RegisterAsync(grid.First.Http);
        var conversation = await ConversationApi.CreateAsync(grid.First.Http, alice, "group", "sync", bob);
        await using var sender = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        var seen = await sender.SendAsync(conversation.ConversationId, "seen by bob");

        var offline = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        await offline.DisposeAsync();
        var missed = new List<MessageAck>();
        for (var i = 0; i < 3; i++)
        {
            missed.Add(await sender.SendAsync(conversation.ConversationId, $"missed {i}"));
        }

        await using var back = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        var synced = await back.Hub.InvokeAsync<List<ChatMessage>>("Sync", new[] { new { conversationId = conversation.ConversationId, afterSeq = seen.Seq } });

        Assert.Equal(missed.Select(a => a.Seq), synced.Select(m => m.Seq));
        Assert.Equal(["missed 0", "missed 1", "missed 2"], synced.Select(m => m.Content));
    }

    [Fact]
    public async Task A_retried_send_with_the_same_client_id_returns_the_first_ack_and_stores_one_message()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var bob = await TestUser.RegisterAsync(grid.First.Http);
        var conversation = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        await using var first = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var second = await ChatConnection.ConnectAsync(grid.Second.Address, alice);
        var clientId = Guid.NewGuid().ToString();

        var ack1 = await first.SendAsync(conversation.ConversationId, "once", clientId);
        var ack2 = await second.SendAsync(conversation.ConversationId, "once", clientId);

        Assert.Equal(ack1, ack2);
        var page = await GetHistoryAsync(alice, conversation.ConversationId);
        Assert.Single(page.Messages);
    }

    [Fact]
    public async Task A_non_member_is_forbidden_and_sees_nothing()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var bob = await TestUser.RegisterAsync(grid.First.Http);
        var mallory = await TestUser.RegisterAsync(grid.Second.Http);
        var conversation = await ConversationApi.CreateAsync(grid.First.Http, alice, "group", "private", bob);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var malloryConnection = await ChatConnection.ConnectAsync(grid.Second.Address, mallory);
        await aliceConnection.SendAsync(conversation.ConversationId, "secret");

        var send = await Assert.ThrowsAsync<HubException>(() => malloryConnection.SendAsync(conversation.ConversationId, "let me in"));
        var sync = await Assert.ThrowsAsync<HubException>(() =>
            malloryConnection.Hub.InvokeAsync<List<ChatMessage>>("Sync", new[] { new { conversationId = conversation.ConversationId, afterSeq = 0 } }));
        var history = await grid.Second.Http.SendAsync(mallory.Request(HttpMethod.Get, $"/api/conversations/{conversation.ConversationId}/messages"));

        Assert.Equal("forbidden", HubErrors.Code(send));
        Assert.Equal("forbidden", HubErrors.Code(sync));
        Assert.Equal(HttpStatusCode.Forbidden, history.StatusCode);
        Assert.Single((await GetHistoryAsync(alice, conversation.ConversationId)).Messages);
        Assert.False(malloryConnection.TryTakeMessage(out _));
    }

    [Fact]
    public async Task History_pages_backwards_and_forwards_oldest_first()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var bob = await TestUser.RegisterAsync(grid.First.Http);
        var conversation = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        await using var connection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        for (var i = 1; i <= 7; i++)
        {
            await connection.SendAsync(conversation.ConversationId, $"m{i}");
        }

        var newest = await GetHistoryAsync(alice, conversation.ConversationId, "limit=3");
        var older = await GetHistoryAsync(alice, conversation.ConversationId, "beforeSeq=5&limit=3");
        var after = await GetHistoryAsync(bob, conversation.ConversationId, "afterSeq=5");

        Assert.Equal([5L, 6, 7], newest.Messages.Select(m => m.Seq));
        Assert.True(newest.HasMore);
        Assert.Equal([2L, 3, 4], older.Messages.Select(m => m.Seq));
        Assert.True(older.HasMore);
        Assert.Equal([6L, 7], after.Messages.Select(m => m.Seq));
        Assert.False(after.HasMore);
    }

    [Fact]
    public async Task A_direct_conversation_is_found_again_from_either_side()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var bob = await TestUser.RegisterAsync(grid.Second.Http);

        var fromAlice = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        var fromBob = await ConversationApi.CreateAsync(grid.Second.Http, bob, "direct", null, alice);

        Assert.Equal(fromAlice.ConversationId, fromBob.ConversationId);
        var list = await grid.First.Http.SendAsync(alice.Request(HttpMethod.Get, "/api/conversations"));
        var items = await list.Content.ReadFromJsonAsync<List<ConversationListItem>>();
        Assert.Single(items!, i => i.ConversationId == fromAlice.ConversationId);
    }

    private async Task<MessagePage> GetHistoryAsync(TestUser user, Guid conversationId, string query = "")
    {
        var response = await grid.First.Http.SendAsync(user.Request(HttpMethod.Get, $"/api/conversations/{conversationId}/messages?{query}"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MessagePage>())!;
    }
}
