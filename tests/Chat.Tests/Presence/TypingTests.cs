using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Presence;

[Collection(PresenceCollection.Name)]
public sealed class TypingTests(GridWithFrontends grid)
{
    [Fact]
    public async Task Typing_is_throttled_per_sender_and_ends_when_the_sender_sends()
    {
        var (alice, bob, conversationId) = await PairAsync();
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);

        await aliceConnection.Hub.InvokeAsync("Typing", conversationId, true);
        await aliceConnection.Hub.InvokeAsync("Typing", conversationId, true);
        await aliceConnection.Hub.InvokeAsync("Typing", conversationId, true);
        await aliceConnection.SendAsync(conversationId, "done typing");
        await bobConnection.NextMessageAsync();

        var started = await bobConnection.NextEventAsync("Typing");
        var stopped = await bobConnection.NextEventAsync("Typing");
        Assert.True(started.GetProperty("isTyping").GetBoolean());
        Assert.Equal(alice.UserId, started.GetProperty("userId").GetGuid());
        Assert.False(stopped.GetProperty("isTyping").GetBoolean());
        Assert.False(bobConnection.TryTakeEvent("Typing", out _));
    }

    [Fact]
    public async Task Typing_without_a_stop_expires_by_itself()
    {
        var (alice, bob, conversationId) = await PairAsync();
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);

        await aliceConnection.Hub.InvokeAsync("Typing", conversationId, true);
        var started = await bobConnection.NextEventAsync("Typing");
        var expired = await bobConnection.NextEventAsync("Typing", Limits.TypingExpiry + TimeSpan.FromSeconds(5));

        Assert.True(started.GetProperty("isTyping").GetBoolean());
        Assert.False(expired.GetProperty("isTyping").GetBoolean());
    }

    private async Task<(TestUser Alice, TestUser Bob, Guid ConversationId)> PairAsync()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var bob = await TestUser.RegisterAsync(grid.First.Http);
        var conversation = await Conversations.ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        return (alice, bob, conversation.ConversationId);
    }
}
