using System.Net;
using Chat.Hosting;
using Microsoft.AspNetCore.HttpOverrides;

namespace Chat.Frontend.Security;

/// <summary>
/// Takes the client address from <c>X-Forwarded-For</c> when, and only when, the request comes from
/// a configured proxy (<see cref="NetworkSettings"/>), so per-address limits count clients, not the proxy.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static void AddChatForwardedHeaders(this WebApplicationBuilder builder)
    {
        var network = builder.Configuration.BindRequired<NetworkSettings>(NetworkSettings.Section);
        var proxies = network.KnownProxies
            .Select(p => IPAddress.TryParse(p.Trim(), out var address) ? address : throw Invalid("KnownProxies", p)).ToList();
        var networks = network.KnownNetworks
            .Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var range) ? range : throw Invalid("KnownNetworks", n)).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // ASP.NET Core trusts loopback by default; here nothing is trusted unless configured.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);

            // One hop: the address our own proxy saw. Entries further left are whatever the client wrote.
            options.ForwardLimit = 1;
        });
    }

    /// <summary>Before everything that reads the client address (rate limits, login throttling).</summary>
    public static void UseChatForwardedHeaders(this WebApplication app) => app.UseForwardedHeaders();

    private static StartupException Invalid(string key, string text) =>
        new($"Configuration error: {NetworkSettings.Section}:{key}: '{text}' is not a valid address or network");
}
