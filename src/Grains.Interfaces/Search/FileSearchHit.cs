using Chat.Files;

namespace Chat.Search;

/// <summary>A file found by name, in the message that carries it; <see cref="Highlights"/> are ranges of <c>File.Name</c>.</summary>
[GenerateSerializer, Immutable, Alias("chat.search.file-hit")]
public sealed record FileSearchHit(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] long Seq,
    [property: Id(2)] Guid SenderId,
    [property: Id(3)] DateTimeOffset SentAt,
    [property: Id(4)] FileDescription File,
    [property: Id(5)] IReadOnlyList<int[]> Highlights);
