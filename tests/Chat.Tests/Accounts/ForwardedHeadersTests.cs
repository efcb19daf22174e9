using System.Net;
using System.Net.Http.Json;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

/// <summary>Per-address limits count the client behind a configured proxy, and only behind one.</summary>
[Collection(AccountsCollection.Name)]
public sealed class ForwardedHeadersTests(AccountsGrid fixture)
{
    [Fact]
    public async Task Behind_a_configured_proxy_two_forwarded_clients_have_separate_address_limits()
    {
        var settings = fixture.Grid.FrontendSettings();
        settings["Frontend:AuthRequestsPerMinutePerIp"] = "3";
        settings["Network:KnownProxies:0"] = "127.0.0.1";
        await using var frontend = await TestFrontend.StartAsync(settings);

        var first = await LoginAttemptsAsync(frontend.Http, "203.0.113.10", 4);
        var second = await LoginAttemptsAsync(frontend.Http, "203.0.113.20", 1);

        Assert.Equal(HttpStatusCode.TooManyRequests, first[3]);
        Assert.Equal(HttpStatusCode.Unauthorized, second[0]);
    }

    [Fact]
    public async Task From_a_source_that_is_not_a_configured_proxy_the_forwarded_header_is_ignored()
    {
        var settings = fixture.Grid.FrontendSettings();
        settings["Frontend:AuthRequestsPerMinutePerIp"] = "3";
        settings["Network:KnownProxies:0"] = "10.9.8.7";
        await using var frontend = await TestFrontend.StartAsync(settings);

        // Loopback is trusted by ASP.NET Core's defaults; it must not be here.
        await LoginAttemptsAsync(frontend.Http, "203.0.113.30", 3);
        var spoofed = await LoginAttemptsAsync(frontend.Http, "203.0.113.40", 1);

        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed[0]);
    }

    [Fact]
    public async Task A_proxy_setting_that_is_no_address_stops_the_frontend_with_one_line()
    {
        var settings = fixture.Grid.FrontendSettings();
        settings["Network:KnownNetworks:0"] = "not-a-network";

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TestFrontend.StartAsync(settings));

        Assert.Contains("Network:KnownNetworks", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<List<HttpStatusCode>> LoginAttemptsAsync(HttpClient http, string clientAddress, int count)
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
            {
                Content = JsonContent.Create(new { login = $"nobody_{Guid.NewGuid():N}"[..20], password = "wrong-password-123" }),
            };
            request.Headers.Add("X-Forwarded-For", clientAddress);
            using var response = await http.SendAsync(request);
            answers.Add(response.StatusCode);
        }

        return answers;
    }
}
