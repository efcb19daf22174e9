using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Chat.Frontend.Security;
using Chat.Hosting;
using Chat.Tests.Browser;
using Chat.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Chat.Tests.Security;

/// <summary>Every kind of route carries the security headers; CORS grants nothing unless an origin is configured.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SecurityHeadersTests(BrowserFixture fixture)
{
    private const string Foreign = "https://evil.example";
    private const string Allowed = "https://app.example";

    public static TheoryData<string, string> PagesAndFiles => new()
    {
        { "/", "no-cache" },
        { "/index.html", "no-cache" },
        { "/c/some/client/route", "no-cache" },
        { "/favicon.svg", "no-cache" },
    };

    [Theory]
    [MemberData(nameof(PagesAndFiles))]
    public async Task Pages_and_files_carry_the_headers_and_revalidate(string path, string cacheControl)
    {
        using var response = await fixture.First.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.Equal(cacheControl, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Hashed_assets_carry_the_headers_and_are_cached_for_a_year()
    {
        var index = await fixture.First.Http.GetStringAsync("/");
        var asset = AssetPath().Match(index).Value;
        Assert.NotEmpty(asset);

        using var response = await fixture.First.Http.GetAsync(asset);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Api_answers_and_errors_carry_the_headers_and_are_never_stored()
    {
        var user = await TestUser.RegisterAsync(fixture.First.Http);
        using var me = await fixture.First.Http.SendAsync(user.Request(HttpMethod.Get, "/api/users/me"));
        using var unauthenticated = await fixture.First.Http.GetAsync("/api/users/me");
        using var unknown = await fixture.First.Http.GetAsync("/api/no-such-thing");
        using var badLogin = await fixture.First.Http.PostAsJsonAsync("/api/auth/login", new { login = "", password = "" });
        using var health = await fixture.First.Http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True((int)badLogin.StatusCode is >= 400 and < 500);
        foreach (var response in new[] { me, unauthenticated, unknown, badLogin, health })
        {
            AssertSecurityHeaders(response);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage?.RequestUri} may be stored");
        }
    }

    [Fact]
    public async Task The_hubs_negotiate_and_refusal_carry_the_headers()
    {
        var user = await TestUser.RegisterAsync(fixture.First.Http);
        using var negotiate = await fixture.First.Http.SendAsync(user.Request(HttpMethod.Post, "/hubs/chat/negotiate?negotiateVersion=1"));
        using var refused = await fixture.First.Http.PostAsync("/hubs/chat/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        foreach (var response in new[] { negotiate, refused })
        {
            AssertSecurityHeaders(response);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        }
    }

    [Theory]
    [InlineData("/api/auth/login")]
    [InlineData("/hubs/chat/negotiate")]
    public async Task A_foreign_origin_gets_no_CORS_grant_by_default(string path)
    {
        using var preflight = await fixture.First.Http.SendAsync(Preflight(path, Foreign));
        using var simple = await fixture.First.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "Origin", Foreign } } });

        Assert.DoesNotContain(preflight.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(simple.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_configured_origin_is_granted_and_others_still_are_not()
    {
        var settings = fixture.Grid.FrontendSettings();
        settings["Cors:Origins:0"] = Allowed;
        await using var frontend = await TestFrontend.StartAsync(settings);

        using var hub = await frontend.Http.SendAsync(Preflight("/hubs/chat/negotiate", Allowed));
        using var api = await frontend.Http.SendAsync(Preflight("/api/auth/login", Allowed));
        using var foreign = await frontend.Http.SendAsync(Preflight("/api/auth/login", Foreign));

        foreach (var granted in new[] { hub, api })
        {
            Assert.True(granted.IsSuccessStatusCode, $"preflight answered {granted.StatusCode}");
            Assert.Equal(Allowed, Assert.Single(granted.Headers.GetValues("Access-Control-Allow-Origin")));
            Assert.Equal("true", Assert.Single(granted.Headers.GetValues("Access-Control-Allow-Credentials")));
        }

        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_web_client_runs_under_the_policy_and_an_injected_inline_script_does_not()
    {
        var page = new ChatPage(await fixture.NewPageAsync(fixture.First), "csp");
        try
        {
            await page.Page.GotoAsync("/");
            await Microsoft.Playwright.Assertions.Expect(page.ByTestId("login-login")).ToBeVisibleAsync();
            page.AssertNoPageErrors();

            var ran = await page.Page.EvaluateAsync<bool>("""
                () => {
                  const script = document.createElement('script');
                  script.textContent = 'window.__inlineRan = true';
                  document.head.appendChild(script);
                  return window.__inlineRan === true;
                }
                """);

            Assert.False(ran);
            await Eventually.TrueAsync(() => !NoPageErrors(page), "the browser reports the CSP violation");
        }
        finally
        {
            await fixture.CloseContextsAsync(page.Page);
        }
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://*.example.com")]
    [InlineData("https://app.example/path")]
    [InlineData("app.example")]
    [InlineData("ftp://app.example")]
    public void A_cors_setting_that_is_not_an_origin_stops_startup(string origin)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cors:Origins:0"] = origin }).Build();

        var error = Assert.Throws<StartupException>(() => configuration.BindRequired<CorsSettings>(CorsSettings.Section));

        Assert.Contains("Cors:Origins", error.Message, StringComparison.Ordinal);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var path = response.RequestMessage?.RequestUri?.PathAndQuery;
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"no CSP on {path}");
        Assert.Contains("default-src 'self'", Assert.Single(csp), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp.Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"), $"a Server header on {path}");
    }

    private static bool NoPageErrors(ChatPage page)
    {
        try
        {
            page.AssertNoPageErrors();
            return true;
        }
        catch (Xunit.Sdk.XunitException)
        {
            return false;
        }
    }

    private static HttpRequestMessage Preflight(string path, string origin) => new(HttpMethod.Options, path)
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", "POST" },
            { "Access-Control-Request-Headers", "authorization,content-type" },
        },
    };

    [GeneratedRegex("/assets/[^\"]+\\.js")]
    private static partial Regex AssetPath();
}
