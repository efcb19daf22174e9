namespace Chat.Search;

/// <summary>One page of file hits, newest first; <see cref="NextCursor"/> null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("chat.search.file-page")]
public sealed record FileSearchPage([property: Id(0)] IReadOnlyList<FileSearchHit> Hits, [property: Id(1)] string? NextCursor);
