namespace Chat.Realtime;

/// <summary>Tells a user's devices (and their Frontends) that the user left or was removed.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.conversation-removed")]
public sealed record ConversationRemovedEvent(
    [property: Id(0)] Guid ConversationId) : ClientEvent
{
    public override string HubMethod => "ConversationRemoved";
}
