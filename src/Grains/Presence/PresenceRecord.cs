namespace Chat.Presence;

/// <summary>
/// What presence keeps across activations: when the user was last seen, any status set by hand,
/// and a copy of the user's watch policy, so answering watchers never needs the user grain active.
/// </summary>
[GenerateSerializer, Alias("chat.presence.record")]
public sealed class PresenceRecord
{
    [Id(0)] public DateTimeOffset? LastSeen { get; set; }
    [Id(1)] public string? ManualStatus { get; set; }

    /// <summary>Null until first needed, then kept in step by the user grain.</summary>
    [Id(2)] public WatchPolicy? Policy { get; set; }
}
