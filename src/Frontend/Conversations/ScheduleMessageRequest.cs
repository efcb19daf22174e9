using System.Text.Json;

namespace Chat.Frontend.Conversations;

/// <summary>The <c>ScheduleMessage</c> argument: a <c>SendMessage</c> request with the time to send it.</summary>
public sealed record ScheduleMessageRequest(
    Guid ConversationId,
    string? ClientMessageId,
    string? Content,
    string? Type,
    long? ReplyToSeq,
    JsonElement? Metadata,
    int? ExpiresInSeconds,
    DateTimeOffset? SendAt);
