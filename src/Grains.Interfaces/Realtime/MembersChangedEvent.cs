namespace Chat.Realtime;

/// <summary>The conversation's members or their roles changed: the full new list.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.members-changed")]
public sealed record MembersChangedEvent(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] IReadOnlyList<Chat.Conversations.ConversationMember> Members) : ClientEvent
{
    public override string HubMethod => "MembersChanged";
}
