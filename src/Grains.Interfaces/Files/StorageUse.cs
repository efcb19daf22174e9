namespace Chat.Files;

/// <summary>A user's storage: bytes of completed files, bytes reserved by uploads in progress, the quota.</summary>
[GenerateSerializer, Immutable, Alias("chat.files.storage-use")]
public sealed record StorageUse(
    [property: Id(0)] long UsedBytes,
    [property: Id(1)] long ReservedBytes,
    [property: Id(2)] long QuotaBytes,
    [property: Id(3)] int FileCount);
