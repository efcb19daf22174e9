using System.Text;
using System.Text.Json;
using Chat.Errors;
using Chat.Text;

namespace Chat.Conversations;

/// <summary>What a message must look like before it is stored; markdown stays text, rich content is a JSON object.</summary>
public static class MessageRules
{
    public static readonly IReadOnlySet<string> KnownTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "text", "image", "album", "video", "audio", "voice", "document", "location", "live_location",
        "contact", "poll", "code", "sticker", "gif",
    };

    public static void Validate(MessageDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.ClientMessageId) || draft.ClientMessageId.Length > Limits.MaxClientMessageIdChars)
        {
            throw ChatException.BadRequest($"clientMessageId is required and at most {Limits.MaxClientMessageIdChars} characters");
        }

        TextRules.Require(draft.ClientMessageId, "clientMessageId");
        TextRules.Require(draft.Content, "content");
        if (!KnownTypes.Contains(draft.Type))
        {
            throw ChatException.BadRequest($"type '{draft.Type}' is not a known message type");
        }

        if (draft.Content.Length > Limits.MaxMessageContentChars)
        {
            throw ChatException.TooLarge($"content is longer than {Limits.MaxMessageContentChars} characters");
        }

        if (draft.Type == "text" && string.IsNullOrWhiteSpace(draft.Content))
        {
            throw ChatException.BadRequest("a text message needs content");
        }

        if (draft.ExpiresInSeconds is { } lifetime
            && (lifetime < Limits.MinMessageLifetime.TotalSeconds || lifetime > Limits.MaxMessageLifetime.TotalSeconds))
        {
            throw ChatException.BadRequest(
                $"expiresInSeconds must be between {Limits.MinMessageLifetime.TotalSeconds} and {Limits.MaxMessageLifetime.TotalSeconds}");
        }

        if (draft.ReplyToSeq is <= 0)
        {
            throw ChatException.BadRequest("replyToSeq must be positive");
        }

        ValidateMetadata(draft);
    }

    private static void ValidateMetadata(MessageDraft draft)
    {
        if (draft.MetadataJson is null)
        {
            if (draft.Type != "text" && draft.Type != "code")
            {
                throw ChatException.BadRequest($"a {draft.Type} message needs metadata");
            }

            return;
        }

        if (Encoding.UTF8.GetByteCount(draft.MetadataJson) > Limits.MaxMetadataBytes)
        {
            throw ChatException.TooLarge($"metadata is larger than {Limits.MaxMetadataBytes} bytes");
        }

        try
        {
            using var document = JsonDocument.Parse(draft.MetadataJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ChatException.BadRequest("metadata must be a JSON object");
            }

            JsonTextRules.Require(document.RootElement, "metadata");

            MessageMetadataRules.Validate(draft.Type, document.RootElement);
        }
        catch (JsonException)
        {
            throw ChatException.BadRequest("metadata is not valid JSON");
        }
    }
}
