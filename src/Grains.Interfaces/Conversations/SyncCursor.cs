namespace Chat.Conversations;

/// <summary>What a client has seen of one conversation: everything up to and including <see cref="AfterSeq"/>.</summary>
[GenerateSerializer, Immutable, Alias("chat.conv.sync-cursor")]
public sealed record SyncCursor(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] long AfterSeq);
