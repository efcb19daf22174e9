using System.Net;

namespace Chat.Hosting;

/// <summary>Where a standalone or co-hosted silo listens; test clusters choose their own ports.</summary>
public static class SiloEndpoints
{
    public static ISiloBuilder ConfigureChatEndpoints(this ISiloBuilder silo, ClusterSettings cluster)
    {
        if (!string.IsNullOrWhiteSpace(cluster.AdvertisedIP))
        {
            if (!IPAddress.TryParse(cluster.AdvertisedIP, out var address))
            {
                throw new StartupException($"Configuration error: Orleans:AdvertisedIP: '{cluster.AdvertisedIP}' is not an IP address");
            }

            return silo.ConfigureEndpoints(address, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
        }

        return silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
    }
}
