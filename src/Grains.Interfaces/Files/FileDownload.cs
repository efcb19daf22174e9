namespace Chat.Files;

/// <summary>
/// What a caller who may see a file downloads: the object, the type storage must answer with and,
/// unless the object may be shown inline (a raster image), the name for <c>Content-Disposition: attachment</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.files.download")]
public sealed record FileDownload(
    [property: Id(0)] string Key,
    [property: Id(1)] string ContentType,
    [property: Id(2)] string? AttachmentName);
