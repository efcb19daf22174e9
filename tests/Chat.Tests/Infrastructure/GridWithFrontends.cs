namespace Chat.Tests.Infrastructure;

/// <summary>A two-silo cluster with two Frontends on it, shared by the tests of one collection.</summary>
public sealed class GridWithFrontends : IAsyncLifetime
{
    public GridCluster Grid { get; private set; } = null!;

    public TestFrontend First { get; private set; } = null!;

    public TestFrontend Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Grid = await GridCluster.StartAsync(silos: 2);
        First = await TestFrontend.StartAsync(Grid.FrontendSettings());
        Second = await TestFrontend.StartAsync(Grid.FrontendSettings());
    }

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await Grid.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<GridWithFrontends>
{
    public const string Name = "messaging";
}
