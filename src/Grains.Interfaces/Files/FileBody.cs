using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chat.Files;

/// <summary>
/// The protocol's <c>File</c> as JSON, the one shape the HTTP answers, <c>metadata.files</c> and
/// <c>FileProcessed</c> all write: <c>media</c> is the stored object itself (an empty one when there is none).
/// </summary>
public sealed record FileBody(
    Guid FileId,
    Guid OwnerId,
    string Name,
    long Size,
    string ContentType,
    string? Kind,
    string Purpose,
    string Status,
    DateTimeOffset CreatedAt,
    JsonNode? Media,
    IReadOnlyList<string> Previews)
{
    public static FileBody From(FileDescription file) => new(
        file.FileId, file.OwnerId, file.Name, file.Size, file.ContentType, file.Kind, file.Purpose, file.Status, file.CreatedAt,
        file.MediaJson is null ? new JsonObject() : JsonNode.Parse(file.MediaJson), file.Previews);

    /// <summary>The file as a JSON node, camelCase like every answer, for a message's <c>metadata.files</c>.</summary>
    public static JsonNode ToNode(FileDescription file) => JsonSerializer.SerializeToNode(From(file), JsonSerializerOptions.Web)!;
}
