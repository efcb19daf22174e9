namespace Chat.Realtime;

/// <summary>A group's or channel's own details changed (so far its name); sent to every member's devices.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.conversation-updated")]
public sealed record ConversationUpdatedEvent(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] string? Name) : ClientEvent
{
    public override string HubMethod => "ConversationUpdated";
}
