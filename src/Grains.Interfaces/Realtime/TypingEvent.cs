namespace Chat.Realtime;

[GenerateSerializer, Immutable, Alias("chat.rt.typing")]
public sealed record TypingEvent(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] bool IsTyping) : ClientEvent
{
    public override string HubMethod => "Typing";
}
