using System.Text.Json;
using Chat.Errors;

namespace Chat.Conversations;

/// <summary>
/// The metadata each message type needs. Rich content is data the client renders, never HTML:
/// files are referenced by id, coordinates are numbers in range, polls are bounded lists.
/// </summary>
public static class MessageMetadataRules
{
    private const int MaxShortTextChars = 256;
    private const int MaxPollQuestionChars = 300;
    private const int MaxPollOptionChars = 100;
    private const int MinPollOptions = 2;
    private const int MaxPollOptions = 10;
    private const int MinAlbumItems = 2;
    private const int MaxAlbumItems = 10;

    public static void Validate(string type, JsonElement metadata)
    {
        switch (type)
        {
            case "image" or "video" or "document":
                RequireFileId(metadata);
                if (type == "document")
                {
                    RequireText(metadata, "fileName", MaxShortTextChars);
                }

                break;
            case "audio" or "voice":
                RequireFileId(metadata);
                RequireNumber(metadata, "durationMs", 1, TimeSpan.FromHours(24).TotalMilliseconds);
                break;
            case "album":
                var items = RequireArray(metadata, "items", MinAlbumItems, MaxAlbumItems);
                foreach (var item in items.EnumerateArray())
                {
                    RequireFileId(item);
                }

                break;
            case "location" or "live_location":
                RequireNumber(metadata, "latitude", -90, 90);
                RequireNumber(metadata, "longitude", -180, 180);
                if (type == "live_location" && !(metadata.TryGetProperty("liveUntil", out var until) && until.TryGetDateTimeOffset(out _)))
                {
                    throw Bad("live_location needs liveUntil, an ISO-8601 time");
                }

                break;
            case "contact":
                RequireText(metadata, "name", MaxShortTextChars);
                if (!metadata.TryGetProperty("phone", out _) && !metadata.TryGetProperty("userId", out _))
                {
                    throw Bad("a contact needs a phone or a userId");
                }

                break;
            case "poll":
                RequireText(metadata, "question", MaxPollQuestionChars);
                var options = RequireArray(metadata, "options", MinPollOptions, MaxPollOptions);
                if (options.EnumerateArray().Any(o => o.ValueKind != JsonValueKind.String || o.GetString()!.Trim().Length is 0 or > MaxPollOptionChars))
                {
                    throw Bad($"poll options are 1-{MaxPollOptionChars} characters each");
                }

                break;
            case "sticker" or "gif":
                // A reference to a known sticker or GIF, or an uploaded file of one.
                if (metadata.TryGetProperty("fileId", out _))
                {
                    RequireFileId(metadata);
                }
                else
                {
                    RequireText(metadata, "ref", MaxShortTextChars);
                }

                break;
        }
    }

    private static void RequireFileId(JsonElement element)
    {
        if (!(element.ValueKind == JsonValueKind.Object && element.TryGetProperty("fileId", out var id)
            && id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out _)))
        {
            throw Bad("fileId (a file id from an upload) is required");
        }
    }

    private static void RequireText(JsonElement metadata, string name, int maxChars)
    {
        if (!(metadata.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString()!.Trim().Length is > 0 and var length && length <= maxChars))
        {
            throw Bad($"{name} is required, 1-{maxChars} characters");
        }
    }

    private static void RequireNumber(JsonElement metadata, string name, double min, double max)
    {
        if (!(metadata.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.GetDouble() is var number && number >= min && number <= max))
        {
            throw Bad($"{name} is required, a number from {min} to {max}");
        }
    }

    private static JsonElement RequireArray(JsonElement metadata, string name, int minItems, int maxItems)
    {
        if (!(metadata.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            && value.GetArrayLength() is var count && count >= minItems && count <= maxItems))
        {
            throw Bad($"{name} must list {minItems} to {maxItems} entries");
        }

        return value;
    }

    private static ChatException Bad(string message) => ChatException.BadRequest(message);
}
