namespace Chat.Calls;

/// <summary>One invited or joined user of a call, with the one device they are in the call on.</summary>
[GenerateSerializer, Alias("chat.call.participant-record")]
public sealed class CallParticipantRecord
{
    [Id(0)] public Guid UserId { get; set; }
    [Id(1)] public string State { get; set; } = CallParticipantStates.Ringing;
    [Id(2)] public Guid FrontendId { get; set; }
    [Id(3)] public string? ConnectionId { get; set; }
    [Id(4)] public CallMediaState Media { get; set; } = new(false, false, false, false);
    [Id(5)] public bool EverJoined { get; set; }

    /// <summary>When the call device's connection closed; the participant is dropped after the rejoin grace.</summary>
    [Id(6)] public DateTimeOffset? DeviceLostAt { get; set; }

    public bool IsJoined => State == CallParticipantStates.Joined;

    public void Join(CallDevice device)
    {
        State = CallParticipantStates.Joined;
        FrontendId = device.FrontendId;
        ConnectionId = device.ConnectionId;
        DeviceLostAt = null;
        EverJoined = true;
    }

    public void Release(string state)
    {
        State = state;
        ConnectionId = null;
        DeviceLostAt = null;
        Media = new(false, false, false, false);
    }

    public CallParticipant ToWire() => new(UserId, State, Media.Muted, Media.CameraOff, Media.ScreenSharing, Media.HandRaised);
}
