using System.Net;
using System.Net.Http.Json;
using Chat.Conversations;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Calls;

[Collection(CallsCollection.Name)]
public sealed class CallSignalingTests(GridWithFrontends grid)
{
    [Fact]
    public async Task Answering_on_one_device_stops_the_others_ringing_and_a_second_answer_conflicts()
    {
        var (alice, bob, conversationId) = await PairAsync();
        await using var aliceDevice = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobPhone = await ChatConnection.ConnectAsync(grid.First.Address, bob);
        await using var bobLaptop = await ChatConnection.ConnectAsync(grid.Second.Address, bob);

        var callId = await CallDriver.StartAsync(aliceDevice, conversationId, video: true);
        var ringPhone = await bobPhone.NextEventAsync("IncomingCall");
        var ringLaptop = await bobLaptop.NextEventAsync("IncomingCall");
        Assert.Equal(callId, ringPhone.GetProperty("callId").GetGuid());
        Assert.Equal(alice.UserId, ringLaptop.GetProperty("callerId").GetGuid());
        Assert.True(ringLaptop.GetProperty("video").GetBoolean());

        await bobLaptop.Hub.InvokeAsync("AcceptCall", callId);
        Assert.Equal("answered", (await bobPhone.NextEventAsync("CallRingingStopped")).GetProperty("reason").GetString());
        var ongoing = await CallDriver.NextStateAsync(aliceDevice, callId, "ongoing");
        Assert.Equal("joined", CallDriver.ParticipantState(ongoing, bob.UserId));
        await CallDriver.NextStateAsync(bobLaptop, callId, "ongoing");

        Assert.Equal("conflict", await CallDriver.ErrorOfAsync(() => bobPhone.Hub.InvokeAsync("AcceptCall", callId)));
    }

    [Fact]
    public async Task Two_racing_answers_let_exactly_one_device_win()
    {
        var (alice, bob, conversationId) = await PairAsync();
        await using var aliceDevice = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobPhone = await ChatConnection.ConnectAsync(grid.First.Address, bob);
        await using var bobLaptop = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        var callId = await CallDriver.StartAsync(aliceDevice, conversationId);
        await bobPhone.NextEventAsync("IncomingCall");

        var attempts = await Task.WhenAll(
            Outcome(() => bobPhone.Hub.InvokeAsync("AcceptCall", callId)),
            Outcome(() => bobLaptop.Hub.InvokeAsync("AcceptCall", callId)));

        Assert.Equal(["conflict", "ok"], attempts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Answering_a_cancelled_call_conflicts_and_stops_the_ringing()
    {
        var (alice, bob, conversationId) = await PairAsync();
        await using var aliceDevice = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobDevice = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        var callId = await CallDriver.StartAsync(aliceDevice, conversationId);
        await bobDevice.NextEventAsync("IncomingCall");

        Assert.Equal("forbidden", await CallDriver.ErrorOfAsync(() => bobDevice.Hub.InvokeAsync("CancelCall", callId)));
        await aliceDevice.Hub.InvokeAsync("CancelCall", callId);

        Assert.Equal("cancelled", (await bobDevice.NextEventAsync("CallRingingStopped")).GetProperty("reason").GetString());
        await CallDriver.NextStateAsync(aliceDevice, callId, "cancelled");
        Assert.Equal("conflict", await CallDriver.ErrorOfAsync(() => bobDevice.Hub.InvokeAsync("AcceptCall", callId)));
        Assert.Equal("conflict", await CallDriver.ErrorOfAsync(() => aliceDevice.Hub.InvokeAsync("CancelCall", callId)));
    }

    [Fact]
    public async Task Rejecting_a_direct_call_ends_it_as_rejected()
    {
        var (alice, bob, conversationId) = await PairAsync();
        await using var aliceDevice = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobDevice = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        var callId = await CallDriver.StartAsync(aliceDevice, conversationId);
        await bobDevice.NextEventAsync("IncomingCall");

        await bobDevice.Hub.InvokeAsync("RejectCall", callId);

        await CallDriver.NextStateAsync(aliceDevice, callId, "rejected");
        Assert.Equal("rejected", (await bobDevice.NextEventAsync("CallRingingStopped")).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Signals_go_only_to_the_target_call_device_and_only_between_participants()
    {
        var (alice, bob, conversationId) = await PairAsync();
        var mallory = await TestUser.RegisterAsync(grid.First.Http);
        await using var aliceDevice = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobPhone = await ChatConnection.ConnectAsync(grid.First.Address, bob);
        await using var bobLaptop = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        await using var malloryDevice = await ChatConnection.ConnectAsync(grid.Second.Address, mallory);
        var callId = await CallDriver.StartAsync(aliceDevice, conversationId);
        await bobLaptop.Hub.InvokeAsync("AcceptCall", callId);

        await aliceDevice.Hub.InvokeAsync("SendSignal", callId, bob.UserId, "offer", "v=0 offer-sdp");
        var offer = await bobLaptop.NextEventAsync("CallSignal");
        Assert.Equal(alice.UserId, offer.GetProperty("fromUserId").GetGuid());
        Assert.Equal("offer", offer.GetProperty("kind").GetString());
        Assert.Equal("v=0 offer-sdp", offer.GetProperty("payload").GetString());

        await bobLaptop.Hub.InvokeAsync("SendSignal", callId, alice.UserId, "answer", "v=0 answer-sdp");
        Assert.Equal("v=0 answer-sdp", (await aliceDevice.NextEventAsync("CallSignal")).GetProperty("payload").GetString());
        await aliceDevice.Hub.InvokeAsync("SendCallReaction", callId, "👍");
        await bobLaptop.NextEventAsync("CallReaction");
        Assert.False(bobPhone.TryTakeEvent("CallSignal", out _));
        Assert.False(bobPhone.TryTakeEvent("CallReaction", out _));

        Assert.Equal("forbidden", await CallDriver.ErrorOfAsync(() => malloryDevice.Hub.InvokeAsync("SendSignal", callId, bob.UserId, "offer", "x")));
        Assert.Equal("bad_request", await CallDriver.ErrorOfAsync(() => aliceDevice.Hub.InvokeAsync("SendSignal", callId, bob.UserId, "media", "x")));
        Assert.Equal("bad_request", await CallDriver.ErrorOfAsync(() => aliceDevice.Hub.InvokeAsync("SendSignal", callId, bob.UserId, "ice", new string('a', 65_537))));
        Assert.Equal("forbidden", await CallDriver.ErrorOfAsync(() => malloryDevice.Hub.InvokeAsync("JoinCall", callId)));
        Assert.Equal(HttpStatusCode.Forbidden, (await CallDriver.GetAsync(grid.First.Http, mallory, $"/api/calls/{callId}")).StatusCode);
    }

    [Fact]
    public async Task Media_state_reaches_the_others_and_the_call_api()
    {
        var (alice, bob, conversationId) = await PairAsync();
        await using var aliceDevice = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobDevice = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        var callId = await CallDriver.StartAsync(aliceDevice, conversationId, video: true);
        await bobDevice.Hub.InvokeAsync("AcceptCall", callId);
        await CallDriver.NextStateAsync(aliceDevice, callId, "ongoing");

        await bobDevice.Hub.InvokeAsync("SetMediaState", callId, new { muted = true, cameraOff = false, screenSharing = true, handRaised = false });
        var changed = await aliceDevice.NextEventAsync("CallStateChanged");
        var bobShown = changed.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("userId").GetGuid() == bob.UserId);
        Assert.True(bobShown.GetProperty("muted").GetBoolean());
        Assert.True(bobShown.GetProperty("screenSharing").GetBoolean());

        var response = await CallDriver.GetAsync(grid.Second.Http, bob, $"/api/calls/{callId}");
        response.EnsureSuccessStatusCode();
        var call = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("ongoing", call.GetProperty("state").GetString());
        Assert.Equal(conversationId, call.GetProperty("conversationId").GetGuid());
        Assert.True(call.GetProperty("video").GetBoolean());
        Assert.Equal(2, call.GetProperty("participants").GetArrayLength());
    }

    private static async Task<string> Outcome(Func<Task> invoke)
    {
        try
        {
            await invoke();
            return "ok";
        }
        catch (Microsoft.AspNetCore.SignalR.HubException ex)
        {
            return HubErrors.Code(ex);
        }
    }

    private async Task<(TestUser Alice, TestUser Bob, Guid ConversationId)> PairAsync()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var bob = await TestUser.RegisterAsync(grid.First.Http);
        ConversationInfo conversation = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        return (alice, bob, conversation.ConversationId);
    }
}
