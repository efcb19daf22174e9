namespace Chat.Realtime;

/// <summary>Rings every device of a callee.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.incoming-call")]
public sealed record IncomingCallEvent(
    [property: Id(0)] Guid CallId,
    [property: Id(1)] Guid ConversationId,
    [property: Id(2)] Guid CallerId,
    [property: Id(3)] bool Video) : ClientEvent
{
    public override string HubMethod => "IncomingCall";
}
