using System.Text.Json;
using Chat.Errors;

namespace Chat.Files.Attachments;

/// <summary>
/// Which files a message names (<c>metadata.fileId</c>, or <c>metadata.items[].fileId</c> for an album)
/// and which kinds of file each message type may carry. A text message names none and costs nothing.
/// </summary>
public static class MessageFileRefs
{
    private static readonly HashSet<string> SingleFileTypes = new(StringComparer.Ordinal)
    {
        "image", "video", "audio", "voice", "document", "sticker", "gif",
    };

    /// <summary>True for the types that may name files; the send path reads metadata only for these.</summary>
    public static bool MayCarryFiles(string type) => type == "album" || SingleFileTypes.Contains(type);

    /// <summary>The file ids in the order named; <c>bad_request</c> for a file named twice.</summary>
    public static IReadOnlyList<Guid> Named(string type, string? metadataJson)
    {
        if (!MayCarryFiles(type) || metadataJson is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(metadataJson);
        var root = document.RootElement;
        var ids = new List<Guid>();
        if (type == "album")
        {
            if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                ids.AddRange(items.EnumerateArray().Select(FileIdOf).OfType<Guid>());
            }
        }
        else if (FileIdOf(root) is { } id)
        {
            ids.Add(id);
        }

        if (ids.Distinct().Count() != ids.Count)
        {
            throw ChatException.BadRequest("a message names each file once");
        }

        return ids;
    }

    /// <summary>Whether a file of <paramref name="kind"/> fits a message of <paramref name="type"/>.</summary>
    public static bool Fits(string type, string kind) => type switch
    {
        "image" => kind == FileKinds.Image,
        "video" => kind == FileKinds.Video,
        "audio" or "voice" => kind == FileKinds.Audio,
        // An album is photos and videos; a sticker or GIF is a picture or a short looping video.
        "album" or "sticker" or "gif" => kind is FileKinds.Image or FileKinds.Video,
        "document" => true,
        _ => false,
    };

    /// <summary>
    /// Where the files tab lists a file: as its own kind, except that whatever is sent as a document
    /// (a photo sent uncompressed, say) is listed with the documents, as the sender chose.
    /// </summary>
    public static string ListedKind(string type, string kind) => type == "document" ? FileKinds.Document : kind;

    private static Guid? FileIdOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("fileId", out var id)
        && id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out var fileId)
            ? fileId
            : null;
}
