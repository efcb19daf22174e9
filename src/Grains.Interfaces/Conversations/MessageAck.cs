namespace Chat.Conversations;

/// <summary>Returned only once the message is durably stored.</summary>
[GenerateSerializer, Immutable, Alias("chat.conv.ack")]
public sealed record MessageAck(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] long Seq,
    [property: Id(2)] Guid MessageId,
    [property: Id(3)] DateTimeOffset SentAt);
