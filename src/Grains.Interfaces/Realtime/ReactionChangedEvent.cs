namespace Chat.Realtime;

/// <summary>A reaction was added or taken back.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.reaction-changed")]
public sealed record ReactionChangedEvent(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] long Seq,
    [property: Id(2)] Guid UserId,
    [property: Id(3)] string Emoji,
    [property: Id(4)] bool Added) : ClientEvent
{
    public override string HubMethod => "ReactionChanged";
}
