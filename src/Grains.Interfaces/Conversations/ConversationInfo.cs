namespace Chat.Conversations;

/// <summary>A conversation as its members see it.</summary>
[GenerateSerializer, Immutable, Alias("chat.conv.info")]
public sealed record ConversationInfo(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] string Type,
    [property: Id(2)] string? Name,
    [property: Id(3)] IReadOnlyList<ConversationMember> Members,
    [property: Id(4)] long LastSeq)
{
    [Id(5)]
    public IReadOnlyList<long> PinnedSeqs { get; init; } = [];

    /// <summary>A group's or channel's avatar, a file anyone signed in may fetch; null when it has none.</summary>
    [Id(6)]
    public Guid? AvatarFileId { get; init; }
}
