namespace Chat.Calls;

/// <summary>WebRTC signaling as a client receives it: an SDP offer or answer, or an ICE candidate, as an opaque string.</summary>
[GenerateSerializer, Immutable, Alias("chat.call.signal")]
public sealed record CallSignal(
    [property: Id(0)] Guid CallId,
    [property: Id(1)] Guid FromUserId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Payload);
