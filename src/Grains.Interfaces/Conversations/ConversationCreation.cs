namespace Chat.Conversations;

/// <summary>A request to create a conversation; the creator becomes its owner (groups, channels) or one of its two members (direct).</summary>
[GenerateSerializer, Immutable, Alias("chat.conv.creation")]
public sealed record ConversationCreation(
    [property: Id(0)] Guid CreatorId,
    [property: Id(1)] string Type,
    [property: Id(2)] string? Name,
    [property: Id(3)] IReadOnlyList<Guid> MemberIds);
