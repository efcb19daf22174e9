namespace Chat.Files;

/// <summary>What a client says about a file it is about to upload (<c>POST /api/files</c>); none of it is trusted.</summary>
[GenerateSerializer, Immutable, Alias("chat.files.new")]
public sealed record NewFile(
    [property: Id(0)] string Name,
    [property: Id(1)] long Size,
    [property: Id(2)] string ContentType,
    [property: Id(3)] string Purpose);
