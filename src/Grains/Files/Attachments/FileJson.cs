using System.Text.Json.Nodes;

namespace Chat.Files.Attachments;

/// <summary>
/// The protocol's <c>File</c> as <c>metadata.files</c> carries it: the same JSON the Frontend answers for
/// the file (<c>FileBody</c>), with <c>media</c> written out as the object it is stored as.
/// </summary>
internal static class FileJson
{
    public static JsonObject ToNode(FileDescription file) => new()
    {
        ["fileId"] = file.FileId,
        ["ownerId"] = file.OwnerId,
        ["name"] = file.Name,
        ["size"] = file.Size,
        ["contentType"] = file.ContentType,
        ["kind"] = file.Kind,
        ["purpose"] = file.Purpose,
        ["status"] = file.Status,
        ["createdAt"] = file.CreatedAt,
        ["media"] = file.MediaJson is null ? new JsonObject() : JsonNode.Parse(file.MediaJson),
        ["previews"] = new JsonArray([.. file.Previews.Select(p => (JsonNode?)p)]),
    };
}
