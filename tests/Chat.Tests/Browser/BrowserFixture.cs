using Chat.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

/// <summary>
/// A real grid for browser tests: two silos, two Frontends serving the built web client, and one
/// headless Chromium (the system's, never a downloaded one). Each test makes its own browser
/// contexts, one per user, so users share nothing but the server.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Flags that keep Chromium from reaching anything but the test's own loopback servers.</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private readonly List<IBrowserContext> _contexts = [];
    private readonly Lock _lock = new();
    /// <summary>The fixture's flags plus a fake camera and microphone that need no permission prompt.</summary>
    private static readonly string[] MediaArgs =
    [
        .. ChromiumArgs,
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        "--autoplay-policy=no-user-gesture-required",
    ];

    private readonly SemaphoreSlim _firefoxLaunch = new(1, 1);
    private readonly SemaphoreSlim _mediaLaunch = new(1, 1);
    private IBrowser? _firefox;
    private IBrowser? _mediaChromium;

    public GridCluster Grid { get; private set; } = null!;

    /// <summary>Two Frontends, so two users in a test can sit on different ones, as in production.</summary>
    public TestFrontend First { get; private set; } = null!;

    public TestFrontend Second { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>docs/images in the repository: screenshots taken by the tests, shown by the README.</summary>
    public static string ImagesDir => Path.Combine(RepositoryPaths.Root, "docs", "images");

    /// <summary>CHAT_TEST_CHROMIUM (set by scripts/test.sh) or Debian's /usr/bin/chromium.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHAT_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Debian's Firefox ESR, driven over WebDriver BiDi (Playwright's <c>moz-firefox</c> channel): no patched build needed.</summary>
    public static string FirefoxPath =>
        Environment.GetEnvironmentVariable("CHAT_TEST_FIREFOX") is { Length: > 0 } path ? path : "/usr/bin/firefox-esr";

    public async Task InitializeAsync()
    {
        var webRoot = Path.Combine(RepositoryPaths.Root, "src", "Frontend", "wwwroot", "index.html");
        if (!File.Exists(webRoot))
        {
            throw new InvalidOperationException(
                $"The web client is not built ({webRoot} is missing): run `cd src/Frontend/ClientApp && npm ci && npm run build`.");
        }

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {ChromiumPath}: run `scripts/deps-up.sh --with-browser` (installs Debian's chromium) or set CHAT_TEST_CHROMIUM.");
        }

        // Playwright's driver ships in the NuGet package (.playwright/ beside this assembly); the browser is
        // the system's, given by path, so nothing is downloaded and no PLAYWRIGHT_BROWSERS_PATH is needed.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // Expect(..) waits this long for its condition (it ends as soon as the condition holds).
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = Microsoft.Playwright.Playwright.CreateAsync();
        var grid = GridCluster.StartAsync(silos: 2);
        Playwright = await playwright;
        var browser = Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        Grid = await grid;
        First = await TestFrontend.StartAsync(Grid.FrontendSettings(), serveWebClient: true);
        Second = await TestFrontend.StartAsync(Grid.FrontendSettings(), serveWebClient: true);
        Browser = await browser;
        Directory.CreateDirectory(ImagesDir);
    }

    /// <summary>A fresh browser context (its own storage, cookies and network) on one Frontend, with one page.</summary>
    public async Task<IPage> NewFirefoxPageAsync(TestFrontend frontend)
    {
        await _firefoxLaunch.WaitAsync();
        try
        {
            _firefox ??= File.Exists(FirefoxPath)
                ? await Playwright.Firefox.LaunchAsync(new BrowserTypeLaunchOptions { Channel = "moz-firefox", ExecutablePath = FirefoxPath, Headless = true })
                : throw new InvalidOperationException(
                    $"Firefox not found at {FirefoxPath}: run `scripts/deps-up.sh --with-browser` (installs Debian's firefox-esr) or set CHAT_TEST_FIREFOX.");
        }
        finally
        {
            _firefoxLaunch.Release();
        }

        return await NewPageAsync(frontend, _firefox, new BrowserNewContextOptions());
    }

    /// <summary>A fresh context on one Frontend in a Chromium with a fake camera and microphone (launched once, for every call test).</summary>
    public async Task<IPage> NewCallPageAsync(TestFrontend frontend)
    {
        await _mediaLaunch.WaitAsync();
        try
        {
            _mediaChromium ??= await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = MediaArgs,
            });
        }
        finally
        {
            _mediaLaunch.Release();
        }

        return await NewPageAsync(frontend, _mediaChromium, new BrowserNewContextOptions { Permissions = ["camera", "microphone"] });
    }

    public Task<IPage> NewPageAsync(TestFrontend frontend, BrowserNewContextOptions? options = null) =>
        NewPageAsync(frontend, Browser, options ?? new BrowserNewContextOptions());

    private async Task<IPage> NewPageAsync(TestFrontend frontend, IBrowser browser, BrowserNewContextOptions options)
    {
        options.BaseURL = frontend.Address.ToString();
        options.ViewportSize ??= new ViewportSize { Width = 1280, Height = 800 };
        options.ColorScheme ??= ColorScheme.Light;
        options.Locale ??= "en-GB";
        options.TimezoneId ??= "UTC";
        var context = await browser.NewContextAsync(options);
        lock (_lock)
        {
            _contexts.Add(context);
        }

        // Generous enough for a loaded 2-core machine; every wait still ends as soon as its condition holds.
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Closes a test's contexts (its users' pages).</summary>
    public async Task CloseContextsAsync(params IPage[] pages)
    {
        foreach (var page in pages)
        {
            lock (_lock)
            {
                _contexts.Remove(page.Context);
            }

            await page.Context.CloseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        List<IBrowserContext> open;
        lock (_lock)
        {
            open = [.. _contexts];
            _contexts.Clear();
        }

        foreach (var context in open)
        {
            await context.CloseAsync();
        }

        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        if (_firefox is not null)
        {
            await _firefox.CloseAsync();
        }

        if (_mediaChromium is not null)
        {
            await _mediaChromium.CloseAsync();
        }

        Playwright?.Dispose();
        if (First is not null)
        {
            await First.DisposeAsync();
        }

        if (Second is not null)
        {
            await Second.DisposeAsync();
        }

        if (Grid is not null)
        {
            await Grid.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
