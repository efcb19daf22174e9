namespace Chat.Files;

/// <summary>
/// The protocol's <c>File</c>: what anyone who may see the file learns about it. <see cref="MediaJson"/>
/// is the <c>media</c> object as stored (jsonb), written out verbatim.
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.files.description")]
public sealed record FileDescription(
    [property: Id(0)] Guid FileId,
    [property: Id(1)] Guid OwnerId,
    [property: Id(2)] string Name,
    [property: Id(3)] long Size,
    [property: Id(4)] string ContentType,
    [property: Id(5)] string? Kind,
    [property: Id(6)] string Purpose,
    [property: Id(7)] string Status,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] string? MediaJson,
    [property: Id(10)] IReadOnlyList<string> Previews);
