namespace Chat.Realtime;

/// <summary>
/// Tells every device of a callee to stop ringing: answered (on one of their devices), rejected,
/// cancelled by the caller, missed (nobody answered in time) or ended.
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.rt.call-ringing-stopped")]
public sealed record CallRingingStoppedEvent(
    [property: Id(0)] Guid CallId,
    [property: Id(1)] string Reason) : ClientEvent
{
    public override string HubMethod => "CallRingingStopped";
}
