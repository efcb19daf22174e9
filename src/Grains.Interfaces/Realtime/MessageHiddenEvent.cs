namespace Chat.Realtime;

/// <summary>The user deleted a message for themself: their other devices hide it too.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.message-hidden")]
public sealed record MessageHiddenEvent(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] long Seq) : ClientEvent
{
    public override string HubMethod => "MessageHidden";
}
