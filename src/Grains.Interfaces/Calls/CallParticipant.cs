namespace Chat.Calls;

/// <summary>A participant as clients see it; <see cref="State"/> is one of <see cref="CallParticipantStates"/>.</summary>
[GenerateSerializer, Immutable, Alias("chat.call.participant")]
public sealed record CallParticipant(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string State,
    [property: Id(2)] bool Muted,
    [property: Id(3)] bool CameraOff,
    [property: Id(4)] bool ScreenSharing,
    [property: Id(5)] bool HandRaised);
