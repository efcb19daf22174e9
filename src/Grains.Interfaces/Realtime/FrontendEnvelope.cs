namespace Chat.Realtime;

/// <summary>An event on a Frontend's stream, with the audience the Frontend relays it to.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.envelope")]
public sealed record FrontendEnvelope(
    [property: Id(0)] EventAudience Audience,
    [property: Id(1)] Guid AudienceId,
    [property: Id(2)] ClientEvent Event)
{
    /// <summary>For <see cref="EventAudience.Connection"/>: the one SignalR connection to deliver to.</summary>
    [Id(3)]
    public string? ConnectionId { get; init; }

    /// <summary>Users of the audience who must not get the event (across a block with its actor); null for none.</summary>
    [Id(4)]
    public IReadOnlyList<Guid>? ExceptUserIds { get; init; }
}
