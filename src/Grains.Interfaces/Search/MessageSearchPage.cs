namespace Chat.Search;

/// <summary>One page of message hits; <see cref="NextCursor"/> fetches the next, null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("chat.search.message-page")]
public sealed record MessageSearchPage([property: Id(0)] IReadOnlyList<MessageSearchHit> Hits, [property: Id(1)] string? NextCursor);
