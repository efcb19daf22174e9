namespace Chat.Conversations;

/// <summary>One row of a user's conversation list.</summary>
[GenerateSerializer, Immutable, Alias("chat.conv.list-item")]
public sealed record ConversationListItem(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] string Type,
    [property: Id(2)] string? Name,
    [property: Id(3)] long LastSeq,
    [property: Id(4)] long ReadSeq,
    [property: Id(5)] long Unread)
{
    [Id(6)]
    public DateTimeOffset? MutedUntil { get; init; }
}
