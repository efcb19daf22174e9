namespace Chat.Calls;

/// <summary>The one device a participant is in the call on: its Frontend and SignalR connection.</summary>
[GenerateSerializer, Immutable, Alias("chat.call.device")]
public sealed record CallDevice(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] Guid FrontendId,
    [property: Id(2)] string ConnectionId);
