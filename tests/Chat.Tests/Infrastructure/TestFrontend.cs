using Chat.Frontend.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;

namespace Chat.Tests.Infrastructure;

/// <summary>A real Frontend (Kestrel on a free loopback port) joined to a test cluster as a separate Orleans client.</summary>
public sealed class TestFrontend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestFrontend(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Configuration for the Frontend (see <see cref="GridCluster.FrontendSettings"/>).</param>
    /// <param name="serveWebClient">Serve the built web client from src/Frontend/wwwroot, for browser tests.</param>
    public static async Task<TestFrontend> StartAsync(IReadOnlyDictionary<string, string?> settings, bool serveWebClient = false)
    {
        string[] args = serveWebClient
            ? ["--urls", "http://127.0.0.1:0", "--webroot", Path.Combine(RepositoryPaths.Root, "src", "Frontend", "wwwroot")]
            : ["--urls", "http://127.0.0.1:0"];
        var app = await FrontendApp.BuildAsync(args, builder =>
        {
            // Not Production: the local coturn shares the published development TURN secret (PublishedSecrets).
            builder.Environment.EnvironmentName = "Testing";
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
            builder.Logging.AddProvider(CapturedLogs.Shared);

            // Refused hub calls are logged at debug only; the tests of that read them here.
            builder.Logging.AddFilter("Chat.Frontend.Realtime.HubErrorFilter", LogLevel.Debug);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestFrontend(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
