namespace Chat.Realtime;

/// <summary>
/// Not for clients: a user's presence audience changed (privacy or blocks), so each Frontend asks
/// again about its local watchers of that user before it relays anything newer from them.
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.rt.presence-access-changed")]
public sealed record PresenceAccessChangedEvent([property: Id(0)] Guid UserId) : ClientEvent
{
    public override string HubMethod => "PresenceAccessChanged";
}
