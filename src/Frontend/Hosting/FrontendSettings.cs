namespace Chat.Frontend.Hosting;

/// <summary>The <c>Frontend</c> section.</summary>
public sealed class FrontendSettings
{
    public const string Section = "Frontend";

    /// <summary>Run a silo inside this process (small installs, development) instead of joining a separate cluster as a client.</summary>
    public bool CoHostSilo { get; set; }
}
