namespace Chat.Conversations;

/// <summary>A message as a sender submits it; <see cref="MetadataJson"/> is a JSON object or null.</summary>
[GenerateSerializer, Immutable, Alias("chat.conv.draft")]
public sealed record MessageDraft(
    [property: Id(0)] Guid SenderId,
    [property: Id(1)] string ClientMessageId,
    [property: Id(2)] string Type,
    [property: Id(3)] string Content,
    [property: Id(4)] long? ReplyToSeq,
    [property: Id(5)] string? MetadataJson)
{
    /// <summary>Makes the message self-destruct this many seconds after it is sent; null keeps it.</summary>
    [Id(6)]
    public int? ExpiresInSeconds { get; init; }
}
