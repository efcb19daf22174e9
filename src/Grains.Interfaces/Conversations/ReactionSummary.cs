namespace Chat.Conversations;

/// <summary>One emoji on a message and who reacted with it.</summary>
[GenerateSerializer, Immutable, Alias("chat.conv.reaction-summary")]
public sealed record ReactionSummary(
    [property: Id(0)] string Emoji,
    [property: Id(1)] IReadOnlyList<Guid> UserIds);
