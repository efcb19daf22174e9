namespace Chat.Calls;

/// <summary>What a participant shows the others about their media; the media itself never reaches the server.</summary>
[GenerateSerializer, Immutable, Alias("chat.call.media")]
public sealed record CallMediaState(
    [property: Id(0)] bool Muted,
    [property: Id(1)] bool CameraOff,
    [property: Id(2)] bool ScreenSharing,
    [property: Id(3)] bool HandRaised);
