namespace Chat.Search;

/// <summary>One of a user's recent searches.</summary>
[GenerateSerializer, Immutable, Alias("chat.search.history-entry")]
public sealed record SearchHistoryEntry([property: Id(0)] string Query, [property: Id(1)] DateTimeOffset SearchedAt);
