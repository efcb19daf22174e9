namespace Chat.Tests.Infrastructure;

/// <summary>A two-silo cluster with two Frontends on it, shared by the tests of one collection.</summary>
public class GridWithFrontends : IAsyncLifetime
{
    public GridCluster Grid { get; private set; } = null!;

    public TestFrontend First { get; private set; } = null!;

    public TestFrontend Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var siloSettings = new Dictionary<string, string?>();
        CustomizeSilos(siloSettings);
        Grid = await GridCluster.StartAsync(silos: 2, siloSettings: siloSettings);
        var settings = Grid.FrontendSettings();
        Customize(settings);
        First = await TestFrontend.StartAsync(settings);
        Second = await TestFrontend.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await Grid.DisposeAsync();
    }

    /// <summary>Lets a collection change the silos' settings.</summary>
    protected virtual void CustomizeSilos(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Lets a collection change the Frontends' settings.</summary>
    protected virtual void Customize(Dictionary<string, string?> settings)
    {
    }
}

[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<GridWithFrontends>
{
    public const string Name = "messaging";
}
