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

    /// <summary>
    /// Run socket continuations (and hub code) on Kestrel's I/O threads instead of hopping to the
    /// thread pool: fewer context switches per WebSocket frame when the machine is CPU-bound
    /// (docs/benchmarks.md). Pair with DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1.
    /// </summary>
    public bool InlineSocketScheduling { get; set; }
}
