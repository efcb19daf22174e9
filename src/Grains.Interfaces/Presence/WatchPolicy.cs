namespace Chat.Presence;

/// <summary>
/// What a user's presence needs from their privacy settings to answer watchers: who sees their
/// last seen, and whom they blocked or were blocked by (<see cref="Blocked"/>, both ways). The user grain pushes it to the presence grain on every change.
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.presence.watch-policy")]
public sealed record WatchPolicy(
    [property: Id(0)] string LastSeenAudience,
    [property: Id(1)] IReadOnlySet<Guid> Blocked);
