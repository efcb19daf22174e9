using Chat.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Presence;

[Collection(PresenceCollection.Name)]
public sealed class LiveLocationTests(GridWithFrontends grid)
{
    [Fact]
    public async Task A_live_location_share_streams_updates_to_members_until_the_sharer_stops_it()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var bob = await TestUser.RegisterAsync(grid.First.Http);
        var direct = await Conversations.ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        var liveUntil = DateTimeOffset.UtcNow.AddMinutes(15);
        var share = await aliceConnection.Hub.InvokeAsync<MessageAck>("SendMessage", new
        {
            conversationId = direct.ConversationId,
            clientMessageId = "live-1",
            content = "",
            type = "live_location",
            metadata = new { latitude = 48.85, longitude = 2.35, liveUntil },
        });

        var accepted = await aliceConnection.Hub.InvokeAsync<bool>("UpdateLiveLocation", direct.ConversationId, share.Seq, 48.86, 2.36);
        var tooSoon = await aliceConnection.Hub.InvokeAsync<bool>("UpdateLiveLocation", direct.ConversationId, share.Seq, 48.87, 2.37);
        var notTheSharer = await Assert.ThrowsAsync<HubException>(() =>
            bobConnection.Hub.InvokeAsync<bool>("UpdateLiveLocation", direct.ConversationId, share.Seq, 0.0, 0.0));
        await aliceConnection.Hub.InvokeAsync("StopLiveLocation", direct.ConversationId, share.Seq);
        var afterStop = await Assert.ThrowsAsync<HubException>(() =>
            aliceConnection.Hub.InvokeAsync<bool>("UpdateLiveLocation", direct.ConversationId, share.Seq, 1.0, 1.0));

        var update = await bobConnection.NextEventAsync("LiveLocation");
        var end = await bobConnection.NextEventAsync("LiveLocation");
        Assert.True(accepted);
        Assert.False(tooSoon);
        Assert.Equal(48.86, update.GetProperty("latitude").GetDouble());
        Assert.False(update.GetProperty("ended").GetBoolean());
        Assert.True(end.GetProperty("ended").GetBoolean());
        Assert.Equal("forbidden", HubErrors.Code(notTheSharer));
        Assert.Equal("conflict", HubErrors.Code(afterStop));
        Assert.Equal("live_location", (await bobConnection.NextMessageAsync()).Type);
    }
}
