using System.Text.Json.Serialization;

namespace Chat.Conversations;

/// <summary>A stored message, exactly as clients receive it (the protocol's <c>Message</c>).</summary>
[GenerateSerializer, Immutable, Alias("chat.conv.message")]
public sealed record ChatMessage(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] long Seq,
    [property: Id(2)] Guid MessageId,
    [property: Id(3)] Guid SenderId,
    [property: Id(4)] string ClientMessageId,
    [property: Id(5)] string Type,
    [property: Id(6)] string Content,
    [property: Id(7)] long? ReplyToSeq,
    [property: Id(8), JsonPropertyName("metadata"), JsonConverter(typeof(RawJsonConverter))] string? MetadataJson,
    [property: Id(9)] DateTimeOffset SentAt,
    [property: Id(10), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? EditedAt,
    [property: Id(11), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Deleted)
{
    /// <summary>Reactions on the message, filled when history is read; absent on new messages.</summary>
    [Id(12), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ReactionSummary>? Reactions { get; init; }

    /// <summary>When a self-destructing message is deleted for everyone; absent on ordinary messages.</summary>
    [Id(13), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? ExpiresAt { get; init; }
}
