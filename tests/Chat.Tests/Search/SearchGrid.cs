using Chat.Tests.Infrastructure;

namespace Chat.Tests.Search;

/// <summary>
/// The search tests' cluster: two silos (each runs a search indexer; they take turns under the
/// advisory lock) and two Frontends, on the real Postgres, Redis and S3. Every search test class
/// joins <see cref="SearchCollection"/> instead of starting a cluster of its own.
/// </summary>
public sealed class SearchGrid : GridWithFrontends;

[CollectionDefinition(Name)]
public sealed class SearchCollection : ICollectionFixture<SearchGrid>
{
    public const string Name = "search";
}
