namespace Chat.Realtime;

/// <summary>A scheduled message could not be sent when its time came (e.g. the sender left); it is dropped.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.scheduled-failed")]
public sealed record ScheduledMessageFailedEvent(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] Guid ScheduledId,
    [property: Id(2)] string Error) : ClientEvent
{
    public override string HubMethod => "ScheduledMessageFailed";
}
