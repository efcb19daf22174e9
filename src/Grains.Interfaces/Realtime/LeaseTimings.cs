namespace Chat.Realtime;

/// <summary>
/// How long a Frontend's interest in a grain's events lasts without renewal. A grain that loses
/// its leases (a silo died) is found again within one renewal; a Frontend that dies stops
/// costing publishes within one lease.
/// </summary>
public static class LeaseTimings
{
    public static readonly TimeSpan FrontendLease = TimeSpan.FromSeconds(45);
    public static readonly TimeSpan FrontendRenewal = TimeSpan.FromSeconds(10);

    /// <summary>A device that reconnects within this time after its last one closed causes no offline/online flap.</summary>
    public static readonly TimeSpan PresenceGrace = TimeSpan.FromSeconds(5);

    /// <summary>How often a presence grain looks for lapsed sessions and due offline transitions.</summary>
    public static readonly TimeSpan PresenceSweep = TimeSpan.FromSeconds(5);
}
