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
}
