namespace Chat.SearchCorpus;

/// <summary>What to generate; the defaults are the benchmark's (issue 17).</summary>
internal sealed record CorpusShape(long Messages = 10_000_000, int Conversations = 100_000, int Users = 50_000, int ProbeConversations = 200, int Seed = 17)
{
    /// <summary>The day the corpus ends (its messages span the two years before).</summary>
    public static readonly DateTime End = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly TimeSpan Span = TimeSpan.FromDays(730);

    public const string ProbeUsername = "probe";
}
