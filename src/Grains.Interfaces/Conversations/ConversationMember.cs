namespace Chat.Conversations;

[GenerateSerializer, Immutable, Alias("chat.conv.member")]
public sealed record ConversationMember(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Role);
