using System.Text.Json;

namespace Chat.Frontend.Realtime;

/// <summary>The <c>SendMessage</c> argument as clients send it.</summary>
public sealed record SendMessageRequest(
    Guid ConversationId,
    string? ClientMessageId,
    string? Content,
    string? Type,
    long? ReplyToSeq,
    JsonElement? Metadata);
