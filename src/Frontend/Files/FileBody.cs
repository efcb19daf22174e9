using System.Text.Json.Nodes;
using Chat.Files;

namespace Chat.Frontend.Files;

/// <summary>The protocol's <c>File</c> as JSON: <c>media</c> written out as the object it is stored as.</summary>
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
}
