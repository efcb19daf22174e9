using System.Text.Json.Serialization;
using Chat.Conversations;

namespace Chat.Files.Attachments;

/// <summary>
/// The protocol's <c>File</c> as messages carry it (<c>metadata.files</c>) and the files tab lists it.
/// Kept here until files-core's own File record is merged; the JSON shape is the contract's.
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.files.attachments.file")]
public sealed record AttachedFile(
    [property: Id(0)] Guid FileId,
    [property: Id(1)] Guid OwnerId,
    [property: Id(2)] string Name,
    [property: Id(3)] long Size,
    [property: Id(4)] string ContentType,
    [property: Id(5)] string? Kind,
    [property: Id(6)] string Purpose,
    [property: Id(7)] string Status,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9), JsonConverter(typeof(RawJsonConverter))] string? Media,
    [property: Id(10)] IReadOnlyList<string> Previews);
