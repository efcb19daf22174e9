namespace Chat.Files;

/// <summary>
/// The answer to starting an upload: the file and its upload, or, when it is too large (for the
/// per-file limit or the quota), the caller's storage numbers and why (<c>413 too_large</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.files.creation")]
public sealed record FileCreation(
    [property: Id(0)] Guid FileId,
    [property: Id(1)] FileUpload? Upload,
    [property: Id(2)] StorageUse? QuotaRefusal)
{
    [Id(3)]
    public string? RefusalDetail { get; init; }
}
