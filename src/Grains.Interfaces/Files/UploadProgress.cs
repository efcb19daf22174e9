using System.Text.Json.Serialization;

namespace Chat.Files;

/// <summary>A pending upload as its owner resumes it: fresh URLs for what is missing and the parts already recorded.</summary>
[GenerateSerializer, Immutable, Alias("chat.files.upload-progress")]
public sealed record UploadProgress(
    [property: Id(0)] Guid FileId,
    [property: Id(1)] string Status,
    [property: Id(2)] FileUpload Upload,
    [property: Id(3)] IReadOnlyList<RecordedPart> UploadedParts);

/// <summary>A part the client reported uploading (<c>PUT /api/files/{id}/parts/{n}</c>).</summary>
[GenerateSerializer, Immutable, Alias("chat.files.recorded-part")]
public sealed record RecordedPart(
    [property: Id(0)] int PartNumber,
    [property: Id(1), JsonPropertyName("etag")] string ETag,
    [property: Id(2)] long Size);
