namespace Chat.Realtime;

/// <summary>Tells a user's devices (and their Frontends) that the user is now a member of a conversation.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.conversation-added")]
public sealed record ConversationAddedEvent(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] string Type,
    [property: Id(2)] string? Name) : ClientEvent
{
    public override string HubMethod => "ConversationAdded";
}
