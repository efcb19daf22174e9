namespace Chat.Search;

/// <summary>
/// The protocol's <c>Hit</c>: a message found, with <see cref="Snippet"/> (plain text around its first
/// match) and <see cref="Highlights"/>, the matched ranges in it as <c>[start, length]</c> in UTF-16 units.
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.search.message-hit")]
public sealed record MessageSearchHit(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] long Seq,
    [property: Id(2)] Guid SenderId,
    [property: Id(3)] DateTimeOffset SentAt,
    [property: Id(4)] string Type,
    [property: Id(5)] string Snippet,
    [property: Id(6)] IReadOnlyList<int[]> Highlights);
