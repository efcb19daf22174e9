namespace Chat.Presence;

/// <summary>What presence keeps across activations: when the user was last seen and any status set by hand.</summary>
[GenerateSerializer, Alias("chat.presence.record")]
public sealed class PresenceRecord
{
    [Id(0)] public DateTimeOffset? LastSeen { get; set; }
    [Id(1)] public string? ManualStatus { get; set; }
}
