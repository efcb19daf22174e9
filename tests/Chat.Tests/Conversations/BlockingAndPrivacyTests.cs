using System.Net;
using System.Net.Http.Json;
using Chat.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Conversations;

[Collection(MessagingCollection.Name)]
public sealed class BlockingAndPrivacyTests(GridWithFrontends grid)
{
    private HttpClient Http => grid.First.Http;

    [Fact]
    public async Task A_blocked_user_can_neither_write_call_nor_open_a_direct_conversation_and_nothing_is_stored()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var mallory = await TestUser.RegisterAsync(Http);
        var stranger = await TestUser.RegisterAsync(Http);
        var direct = await ConversationApi.CreateAsync(Http, alice, "direct", null, mallory);
        await using var malloryConnection = await ChatConnection.ConnectAsync(grid.Second.Address, mallory);
        await malloryConnection.SendAsync(direct.ConversationId, "before the block");

        Assert.Equal(HttpStatusCode.NoContent, (await Http.SendAsync(alice.Request(HttpMethod.Post, $"/api/users/me/blocks/{mallory.UserId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Http.SendAsync(alice.Request(HttpMethod.Post, $"/api/users/me/blocks/{stranger.UserId}"))).StatusCode);
        var write = await Assert.ThrowsAsync<HubException>(() => malloryConnection.SendAsync(direct.ConversationId, "after the block"));
        var open = await Http.SendAsync(stranger.Request(HttpMethod.Post, "/api/conversations", new { type = "direct", memberIds = new[] { alice.UserId } }));

        var call = await Assert.ThrowsAsync<HubException>(() => malloryConnection.Hub.InvokeAsync<Chat.Calls.CallInfo>("StartCall", direct.ConversationId, false));

        Assert.Equal("forbidden", HubErrors.Code(write));
        Assert.Equal("forbidden", HubErrors.Code(call));
        Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);
        var history = await (await Http.SendAsync(alice.Request(HttpMethod.Get, $"/api/conversations/{direct.ConversationId}/messages"))).Content.ReadFromJsonAsync<MessagePage>();
        Assert.Equal("before the block", Assert.Single(history!.Messages).Content);

        Assert.Equal(HttpStatusCode.NoContent, (await Http.SendAsync(alice.Request(HttpMethod.Delete, $"/api/users/me/blocks/{mallory.UserId}"))).StatusCode);
        Assert.Equal(2, (await malloryConnection.SendAsync(direct.ConversationId, "after the unblock")).Seq);
    }

    [Fact]
    public async Task A_reader_who_hides_read_receipts_sends_none_to_others_but_their_own_devices_stay_in_step()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var direct = await ConversationApi.CreateAsync(Http, alice, "direct", null, bob);
        var privacy = await Http.SendAsync(bob.Request(HttpMethod.Put, "/api/users/me/privacy",
            new { lastSeen = "everyone", profilePhoto = "everyone", readReceipts = "nobody" }));
        Assert.True(privacy.IsSuccessStatusCode, privacy.StatusCode.ToString());
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobPhone = await ChatConnection.ConnectAsync(grid.First.Address, bob);
        await using var bobLaptop = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        var first = await aliceConnection.SendAsync(direct.ConversationId, "read this");

        await bobPhone.Hub.InvokeAsync("MarkRead", direct.ConversationId, first.Seq);
        var ownReceipt = await bobLaptop.NextEventAsync("ReadReceipt");
        // Events from one conversation reach a Frontend in order: had Bob's read receipt been
        // published, Alice would hold it before this later delivery receipt.
        await aliceConnection.SendAsync(direct.ConversationId, "second");
        await bobPhone.Hub.InvokeAsync("MarkDelivered", direct.ConversationId, 2L);
        var delivered = await aliceConnection.NextEventAsync("DeliveryReceipt");

        Assert.Equal(first.Seq, ownReceipt.GetProperty("seq").GetInt64());
        Assert.Equal(2, delivered.GetProperty("seq").GetInt64());
        Assert.False(aliceConnection.TryTakeEvent("ReadReceipt", out _));
    }
}
