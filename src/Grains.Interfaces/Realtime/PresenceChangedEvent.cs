using System.Text.Json.Serialization;

namespace Chat.Realtime;

/// <summary>A user's presence; <see cref="LastSeen"/> only when offline and the user's privacy lets the viewer see it.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.presence-changed")]
public sealed record PresenceChangedEvent(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Status,
    [property: Id(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? LastSeen) : ClientEvent
{
    public override string HubMethod => "PresenceChanged";
}
