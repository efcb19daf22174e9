using System.Text.Json.Serialization;

namespace Chat.Conversations;

/// <summary>A message waiting to be sent by its sender's conversation at <see cref="SendAt"/>.</summary>
[GenerateSerializer, Immutable, Alias("chat.conv.scheduled")]
public sealed record ScheduledMessage(
    [property: Id(0)] Guid ScheduledId,
    [property: Id(1)] Guid ConversationId,
    [property: Id(2)] Guid SenderId,
    [property: Id(3)] string ClientMessageId,
    [property: Id(4)] string Type,
    [property: Id(5)] string Content,
    [property: Id(6)] long? ReplyToSeq,
    [property: Id(7), JsonPropertyName("metadata"), JsonConverter(typeof(RawJsonConverter))] string? MetadataJson,
    [property: Id(8)] DateTimeOffset SendAt,
    [property: Id(9)] int? ExpiresInSeconds);
