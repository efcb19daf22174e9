namespace Chat.Search.Indexing;

/// <summary>
/// A message the queue named, as the indexer read it in its transaction: <see cref="Exists"/> false
/// when there is no messages row (nothing to index, any old index row goes).
/// </summary>
internal sealed record QueuedMessage(
    Guid ConversationId,
    long Seq,
    bool Exists,
    Guid SenderId,
    string Type,
    string Content,
    string? MetadataJson,
    DateTime SentAt,
    DateTime? ExpiresAt,
    bool Deleted,
    string[] FileKinds);
