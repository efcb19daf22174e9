using System.Text.Json;
using Chat.Files;

namespace Chat.Realtime;

/// <summary>Tells the owner's devices that a file's previews were made (or given up): the contract's <c>File</c>, as it is now.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.file-processed")]
public sealed record FileProcessedEvent([property: Id(0)] FileDescription File) : ClientEvent
{
    public override string HubMethod => "FileProcessed";

    /// <summary>
    /// The <c>File</c> JSON as the HTTP API writes it (the Frontend's <c>FileBody</c>): <c>media</c> is the
    /// stored object itself, not a string holding it, and an empty object when there is none.
    /// </summary>
    public override object Payload => new FilePayload(
        File.FileId, File.OwnerId, File.Name, File.Size, File.ContentType, File.Kind, File.Purpose, File.Status, File.CreatedAt,
        JsonDocument.Parse(File.MediaJson ?? "{}").RootElement.Clone(), File.Previews);

    private sealed record FilePayload(
        Guid FileId, Guid OwnerId, string Name, long Size, string ContentType, string? Kind, string Purpose, string Status,
        DateTimeOffset CreatedAt, JsonElement Media, IReadOnlyList<string> Previews);
}
