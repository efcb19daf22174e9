namespace Chat.Frontend.Hosting;

/// <summary>The <c>Frontend</c> section.</summary>
public sealed class FrontendSettings
{
    public const string Section = "Frontend";

    /// <summary>Run a silo inside this process (small installs, development) instead of joining a separate cluster as a client.</summary>
    public bool CoHostSilo { get; set; }

    /// <summary>Sign-up, login and refresh requests one client address may make per minute on this Frontend.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000, ErrorMessage = "must be 1 to 1000000")]
    public int AuthRequestsPerMinutePerIp { get; set; } = Limits.AuthRequestsPerMinutePerIp;
}
