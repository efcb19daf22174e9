namespace Chat.Files;

/// <summary>One <c>files</c> row, as the file grain reads it.</summary>
internal sealed record FileRow(
    Guid FileId,
    Guid OwnerId,
    string Purpose,
    string Name,
    long DeclaredSize,
    string DeclaredType,
    string Status,
    string? ContentType,
    string? Kind,
    long? Size,
    string ObjectKey,
    string? MultipartId,
    long? PartSize,
    string? CleanKey,
    string? MediaJson,
    IReadOnlyList<string> Previews,
    DateTimeOffset? AttachedAt,
    bool Public,
    DateTimeOffset CreatedAt)
{
    public static string OriginalKey(Guid fileId) => $"files/{fileId}/{FileVariants.Original}";

    public static string Prefix(Guid fileId) => $"files/{fileId}/";

    public static string VariantKey(Guid fileId, string variant) => $"files/{fileId}/{variant}";

    public int PartCount => PartSize is { } part ? (int)((DeclaredSize + part - 1) / part) : 1;

    public FileDescription Describe() => new(
        FileId, OwnerId, Name, Size ?? DeclaredSize, ContentType ?? DeclaredType, Kind, Purpose, Status, CreatedAt, MediaJson, Previews);
}
