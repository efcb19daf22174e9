namespace Chat.Calls;

/// <summary>
/// One call in a conversation: who is invited, who is in it on which device, and its state
/// (ringing → ongoing → ended, or missed, rejected, cancelled). The server only routes signaling;
/// media flows between the participants' devices.
/// </summary>
[Alias("chat.call")]
public interface ICallGrain : IGrainWithGuidKey
{
    /// <summary>Starts the call from the caller's device and rings every other member of the conversation.</summary>
    [Alias("start")]
    Task<CallInfo> StartAsync(Guid conversationId, Guid callerId, bool video, CallDevice device);

    [Alias("get"), ReadOnly]
    Task<CallInfo> GetAsync(Guid requesterId);

    /// <summary>Answers on one device; the user's other devices stop ringing. A second answer is a conflict.</summary>
    [Alias("accept")]
    Task<CallInfo> AcceptAsync(CallDevice device);

    [Alias("reject")]
    Task RejectAsync(Guid userId);

    /// <summary>The caller gives up while the call is still ringing.</summary>
    [Alias("cancel")]
    Task CancelAsync(Guid userId);

    /// <summary>Joins an ongoing call, or moves the user's call to a new device (a rejoin after a reload).</summary>
    [Alias("join")]
    Task<CallInfo> JoinAsync(CallDevice device);

    [Alias("leave")]
    Task LeaveAsync(Guid userId);

    /// <summary>A device's connection closed: the participant is dropped unless they rejoin within the grace.</summary>
    [Alias("device-lost")]
    Task DeviceLostAsync(Guid userId, string connectionId);

    [Alias("end")]
    Task EndAsync(Guid userId);

    /// <summary>Relays an SDP offer or answer or an ICE candidate to one participant's call device.</summary>
    [Alias("signal"), AlwaysInterleave]
    Task SignalAsync(Guid fromUserId, Guid toUserId, string kind, string payload);

    [Alias("media-state")]
    Task SetMediaStateAsync(Guid userId, CallMediaState media);

    [Alias("reaction"), AlwaysInterleave]
    Task SendReactionAsync(Guid userId, string emoji);
}
