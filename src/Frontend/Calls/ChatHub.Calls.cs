using Chat.Calls;
using Chat.Errors;

namespace Chat.Frontend.Realtime;

/// <summary>
/// Call signaling. The connection a user starts, answers or joins a call from is their call device:
/// signaling and call state go to it alone. Media never passes through the server.
/// </summary>
public sealed partial class ChatHub
{
    private const string CallsItem = "chat.calls";

    /// <summary>Starts a call in a conversation and rings its other members; returns the call (with its id).</summary>
    public Task<CallInfo> StartCall(Guid conversationId, bool video)
    {
        var callId = Guid.NewGuid();
        return TrackedAsync(callId, Call(callId).StartAsync(conversationId, CurrentUserId, video, CallDevice()));
    }

    /// <summary>Answers on this device; the caller's other devices stop ringing. A second answer is a conflict.</summary>
    public Task<CallInfo> AcceptCall(Guid callId) => TrackedAsync(callId, Call(callId).AcceptAsync(CallDevice()));

    public Task RejectCall(Guid callId) => Call(callId).RejectAsync(CurrentUserId);

    public Task CancelCall(Guid callId) => Call(callId).CancelAsync(CurrentUserId);

    /// <summary>Joins an ongoing call, or moves the caller's place in it to this connection (after a reload).</summary>
    public Task<CallInfo> JoinCall(Guid callId) => TrackedAsync(callId, Call(callId).JoinAsync(CallDevice()));

    public Task LeaveCall(Guid callId) => Call(callId).LeaveAsync(CurrentUserId);

    public Task EndCall(Guid callId) => Call(callId).EndAsync(CurrentUserId);

    /// <summary>Sends an SDP offer or answer or an ICE candidate to another participant's call device.</summary>
    public Task SendSignal(Guid callId, Guid toUserId, string kind, string payload)
    {
        CallRules.ValidateSignal(kind ?? "", payload ?? "");
        return Call(callId).SignalAsync(CurrentUserId, toUserId, kind!, payload!);
    }

    public Task SetMediaState(Guid callId, CallMediaState media) =>
        Call(callId).SetMediaStateAsync(CurrentUserId, media ?? throw ChatException.BadRequest("a media state is required"));

    public Task SendCallReaction(Guid callId, string emoji)
    {
        CallRules.ValidateReaction(emoji ?? "");
        return Call(callId).SendReactionAsync(CurrentUserId, emoji!);
    }

    /// <summary>Called when this connection closes: each call it was the device of drops the user unless they rejoin in time.</summary>
    private async Task ReleaseCallDevicesAsync()
    {
        if (Context.Items.TryGetValue(CallsItem, out var value) && value is HashSet<Guid> callIds)
        {
            var userId = CurrentUserId;
            await Task.WhenAll(callIds.Select(id => Call(id).DeviceLostAsync(userId, Context.ConnectionId)));
        }
    }

    // Remembers, once the grain has the device, which calls this connection takes part in (left on disconnect).
    private async Task<CallInfo> TrackedAsync(Guid callId, Task<CallInfo> joining)
    {
        var info = await joining;
        if (!(Context.Items.TryGetValue(CallsItem, out var value) && value is HashSet<Guid> callIds))
        {
            Context.Items[CallsItem] = callIds = [];
        }

        callIds.Add(callId);
        return info;
    }

    private CallDevice CallDevice() => new(CurrentUserId, frontend.Id, Context.ConnectionId);

    private ICallGrain Call(Guid callId) => cluster.Reference<ICallGrain>(callId);
}
