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

    /// <summary>The newest message the user may see (hidden-for-me skipped, deleted or expired ones without content); null if none.</summary>
    [Id(7)]
    public ChatMessage? LastMessage { get; init; }

    /// <summary>The last message's <c>SentAt</c>, or when the user joined if there is none; the list is ordered by it, newest first.</summary>
    [Id(8)]
    public DateTimeOffset LastActivityAt { get; init; }

    /// <summary>A direct conversation the user has not accepted: the other wrote first and the user neither replied, accepted nor saved them as a contact.</summary>
    [Id(9)]
    public bool MessageRequest { get; init; }

    /// <summary>A group's or channel's avatar; null when it has none (and for direct conversations).</summary>
    [Id(10)]
    public Guid? AvatarFileId { get; init; }
}
