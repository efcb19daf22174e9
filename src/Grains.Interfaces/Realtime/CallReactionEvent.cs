namespace Chat.Realtime;

/// <summary>A participant's emoji reaction during a call; not stored.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.call-reaction")]
public sealed record CallReactionEvent(
    [property: Id(0)] Guid CallId,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] string Emoji) : ClientEvent
{
    public override string HubMethod => "CallReaction";
}
