namespace Chat.Conversations;

/// <summary>A saved message.</summary>
[GenerateSerializer, Immutable, Alias("chat.conv.bookmark")]
public sealed record Bookmark(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] long Seq,
    [property: Id(2)] DateTimeOffset CreatedAt);
