namespace Chat.Search.Query;

/// <summary>
/// A query as SQL: <see cref="Where"/> a condition over the target's aliases (its parameters in the
/// <see cref="SqlParameters"/> it was compiled with), <see cref="RankTsquery"/> the positive terms'
/// prefix lexemes ORed for <c>ts_rank</c> (null when only filters), and <see cref="Highlights"/> the
/// folded texts a snippet marks.
/// </summary>
public sealed record CompiledQuery(string Where, string? RankTsquery, IReadOnlyList<string> Highlights);
