namespace Chat.Files;

/// <summary>The answer to starting an upload: the file and its upload, or the quota numbers that refused it.</summary>
[GenerateSerializer, Immutable, Alias("chat.files.creation")]
public sealed record FileCreation(
    [property: Id(0)] Guid FileId,
    [property: Id(1)] FileUpload? Upload,
    [property: Id(2)] StorageUse? QuotaRefusal);
