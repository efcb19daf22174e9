using System.ComponentModel.DataAnnotations;

namespace Chat.Search.Indexing;

/// <summary>The search indexer's settings (section <c>Search</c>).</summary>
public sealed class SearchIndexerOptions
{
    public const string Section = "Search";

    /// <summary>Whether this silo runs an indexer (any one silo running it keeps the index current).</summary>
    public bool IndexerEnabled { get; set; } = true;

    /// <summary>Queue rows taken per transaction; a full batch is followed by the next at once.</summary>
    [Range(1, 100_000)]
    public int IndexerBatchSize { get; set; } = 1_000;

    /// <summary>How long an idle indexer waits for a local poke before it looks at the queue anyway (writes on other silos).</summary>
    public TimeSpan IndexerPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The least time between the starts of two rounds that were not full: under a steady stream of
    /// sends each poke would otherwise start a round of a handful of rows (a transaction, a lock and
    /// four round trips each, hundreds a second), competing with the sends for the same cores; waiting
    /// gathers them into one round. This is how long a message may wait to become searchable.
    /// </summary>
    public TimeSpan IndexerMinRoundInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait after repeated failures (it starts at the poll interval and doubles).</summary>
    public TimeSpan IndexerRetryMax { get; set; } = TimeSpan.FromSeconds(10);
}
