namespace Chat.Frontend.Security;

/// <summary>
/// The <c>Network</c> section: which reverse proxies may say who the client is. A request from any
/// other address keeps its own address, whatever <c>X-Forwarded-For</c> it carries.
/// </summary>
public sealed class NetworkSettings
{
    public const string Section = "Network";

    /// <summary>Addresses of trusted proxies (e.g. <c>10.0.0.5</c>); none by default.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form (e.g. <c>172.30.0.0/24</c>); none by default.</summary>
    public string[] KnownNetworks { get; set; } = [];
}
