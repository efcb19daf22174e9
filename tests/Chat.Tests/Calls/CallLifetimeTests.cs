using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Calls;

[Collection(CallsCollection.Name)]
public sealed class CallLifetimeTests(GridWithFrontends grid)
{
    private static readonly TimeSpan RingTimeoutWait = Limits.CallRingTimeout + TimeSpan.FromSeconds(10);
    private static readonly TimeSpan GraceWait = Limits.CallRejoinGrace + TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_unanswered_call_is_missed_after_the_ring_timeout_and_recorded()
    {
        var (alice, bob, _, conversationId) = await GroupAsync(members: 2, direct: true);
        await using var aliceDevice = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobDevice = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        var callId = await CallDriver.StartAsync(aliceDevice, conversationId);
        await bobDevice.NextEventAsync("IncomingCall");

        Assert.Equal("missed", (await bobDevice.NextEventAsync("CallRingingStopped", RingTimeoutWait)).GetProperty("reason").GetString());
        await CallDriver.NextStateAsync(aliceDevice, callId, "missed");
        var logged = await bobDevice.NextMessageAsync();
        Assert.Equal("Missed voice call", logged.Content);
        Assert.Contains(callId.ToString(), logged.MetadataJson ?? "", StringComparison.Ordinal);

        var bobHistory = await CallDriver.HistoryAsync(grid.First.Http, bob);
        var entry = Assert.Single(bobHistory, e => e.GetProperty("callId").GetGuid() == callId);
        Assert.True(entry.GetProperty("missed").GetBoolean());
        Assert.Equal("missed", entry.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_participant_whose_device_vanishes_is_dropped_after_the_grace_and_a_direct_call_ends()
    {
        var (alice, bob, _, conversationId) = await GroupAsync(members: 2, direct: true);
        await using var aliceDevice = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        var bobDevice = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        var callId = await CallDriver.StartAsync(aliceDevice, conversationId);
        await bobDevice.Hub.InvokeAsync("AcceptCall", callId);
        await CallDriver.NextStateAsync(aliceDevice, callId, "ongoing");

        await bobDevice.DisposeAsync();

        var ended = await CallDriver.NextStateAsync(aliceDevice, callId, "ended", GraceWait);
        Assert.Equal("left", CallDriver.ParticipantState(ended, bob.UserId));
        // The call is recorded after its end is announced: history first, then the message in the conversation.
        var logged = await aliceDevice.NextMessageAsync();
        Assert.Contains(callId.ToString(), logged.MetadataJson ?? "", StringComparison.Ordinal);
        var history = await CallDriver.HistoryAsync(grid.First.Http, alice);
        var entry = Assert.Single(history, e => e.GetProperty("callId").GetGuid() == callId);
        Assert.False(entry.GetProperty("missed").GetBoolean());
        Assert.Equal("ended", entry.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_rejoin_from_a_new_connection_replaces_the_device_and_survives_the_old_one_closing()
    {
        var (alice, bob, _, conversationId) = await GroupAsync(members: 2, direct: true);
        await using var aliceDevice = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        var bobBeforeReload = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        var callId = await CallDriver.StartAsync(aliceDevice, conversationId);
        await bobBeforeReload.Hub.InvokeAsync("AcceptCall", callId);
        await CallDriver.NextStateAsync(aliceDevice, callId, "ongoing");

        await using var bobAfterReload = await ChatConnection.ConnectAsync(grid.First.Address, bob);
        await bobAfterReload.Hub.InvokeAsync("JoinCall", callId);
        await bobBeforeReload.DisposeAsync();
        await aliceDevice.Hub.InvokeAsync("SendSignal", callId, bob.UserId, "ice", "candidate:1");

        Assert.Equal("candidate:1", (await bobAfterReload.NextEventAsync("CallSignal")).GetProperty("payload").GetString());
        await aliceDevice.Hub.InvokeAsync("EndCall", callId);
        await CallDriver.NextStateAsync(bobAfterReload, callId, "ended");
    }

    [Fact]
    public async Task A_group_call_takes_late_joiners_and_ends_when_the_last_participant_leaves()
    {
        var (alice, bob, carol, conversationId) = await GroupAsync(members: 3, direct: false);
        await using var aliceDevice = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobDevice = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        await using var carolDevice = await ChatConnection.ConnectAsync(grid.Second.Address, carol);
        var callId = await CallDriver.StartAsync(aliceDevice, conversationId, video: true);
        await carolDevice.NextEventAsync("IncomingCall");
        await bobDevice.Hub.InvokeAsync("AcceptCall", callId);
        await carolDevice.Hub.InvokeAsync("RejectCall", callId);
        await CallDriver.NextStateAsync(aliceDevice, callId, "ongoing");

        await carolDevice.Hub.InvokeAsync("JoinCall", callId);
        Assert.Equal("forbidden", await CallDriver.ErrorOfAsync(() => bobDevice.Hub.InvokeAsync("EndCall", callId)));
        await aliceDevice.Hub.InvokeAsync("LeaveCall", callId);
        await bobDevice.Hub.InvokeAsync("SendSignal", callId, carol.UserId, "offer", "v=0");
        await carolDevice.NextEventAsync("CallSignal");
        await bobDevice.Hub.InvokeAsync("LeaveCall", callId);
        var stillOn = await CallDriver.NextStateAsync(carolDevice, callId, "ongoing");
        while (CallDriver.ParticipantState(stillOn, bob.UserId) != "left")
        {
            stillOn = await CallDriver.NextStateAsync(carolDevice, callId, "ongoing");
        }

        Assert.Equal("left", CallDriver.ParticipantState(stillOn, alice.UserId));

        await carolDevice.Hub.InvokeAsync("LeaveCall", callId);
        var ended = await CallDriver.NextStateAsync(carolDevice, callId, "ended");
        Assert.All(ended.GetProperty("participants").EnumerateArray(), p => Assert.Equal("left", p.GetProperty("state").GetString()));
        Assert.Equal("conflict", await CallDriver.ErrorOfAsync(() => bobDevice.Hub.InvokeAsync("JoinCall", callId)));
    }

    private async Task<(TestUser Alice, TestUser Bob, TestUser Carol, Guid ConversationId)> GroupAsync(int members, bool direct)
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var bob = await TestUser.RegisterAsync(grid.First.Http);
        var carol = await TestUser.RegisterAsync(grid.First.Http);
        var others = members == 2 ? new[] { bob } : [bob, carol];
        var conversation = await ConversationApi.CreateAsync(grid.First.Http, alice, direct ? "direct" : "group", direct ? null : "call group", others);
        return (alice, bob, carol, conversation.ConversationId);
    }
}
