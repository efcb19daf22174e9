using System.Text.Json;
using Chat.Conversations;
using Chat.Errors;

namespace Chat.Frontend.Realtime;

/// <summary>The <c>SendMessage</c> argument as clients send it.</summary>
public sealed record SendMessageRequest(
    Guid ConversationId,
    string? ClientMessageId,
    string? Content,
    string? Type,
    long? ReplyToSeq,
    JsonElement? Metadata,
    int? ExpiresInSeconds = null)
{
    public MessageDraft ToDraft(Guid senderId) => Draft(senderId, ClientMessageId, Content, Type, ReplyToSeq, Metadata, ExpiresInSeconds);

    /// <summary>A validated draft from the fields every way a client sends share; server-owned metadata is refused.</summary>
    public static MessageDraft Draft(Guid senderId, string? clientMessageId, string? content, string? type, long? replyToSeq, JsonElement? metadata, int? expiresInSeconds)
    {
        string? metadataJson = null;
        if (metadata is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } element)
        {
            metadataJson = element.ValueKind == JsonValueKind.Object ? element.GetRawText() : throw ChatException.BadRequest("metadata must be a JSON object");
        }

        var draft = new MessageDraft(senderId, clientMessageId ?? "", type ?? "text", content ?? "", replyToSeq, metadataJson)
        {
            ExpiresInSeconds = expiresInSeconds,
        };
        MessageRules.Validate(draft);
        ServerOwnedMetadata.RequireNotClaimed(draft);
        return draft;
    }
}
