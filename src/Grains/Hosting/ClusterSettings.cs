using System.ComponentModel.DataAnnotations;

namespace Chat.Hosting;

/// <summary>The <c>Orleans</c> section: which cluster a silo or client joins and where a silo listens.</summary>
public sealed class ClusterSettings
{
    public const string Section = "Orleans";

    [Required(ErrorMessage = "is missing")]
    public string ClusterId { get; set; } = "chat";

    [Required(ErrorMessage = "is missing")]
    public string ServiceId { get; set; } = "chat";

    [Range(1, 65535, ErrorMessage = "must be a port number")]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535, ErrorMessage = "must be a port number")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at; empty means this host's address.</summary>
    public string? AdvertisedIP { get; set; }
}
