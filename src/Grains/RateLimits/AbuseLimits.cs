using System.ComponentModel.DataAnnotations;

namespace Chat.RateLimits;

/// <summary>
/// The <c>AbuseLimits</c> section, read by every silo: how often one user (or one source) may do
/// what, beyond which the answer is <c>rate_limited</c> with a retry-after. Defaults are generous
/// for people and benchmarks; docs/security.md has the table.
/// </summary>
public sealed class AbuseLimits
{
    public const string Section = "AbuseLimits";

    /// <summary>Failed sign-ins one (account, source address) pair has before its back-off starts.</summary>
    [Range(1, 1_000)]
    public int LoginFreeFailuresPerSource { get; set; } = 5;

    /// <summary>The first back-off after the free failures; each further failure doubles it.</summary>
    public TimeSpan LoginBackoffBase { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan LoginBackoffMax { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed sign-ins of one account from all sources in <see cref="LoginAccountWindow"/> before unknown sources wait.</summary>
    [Range(1, 1_000_000)]
    public int LoginAccountFailuresPerWindow { get; set; } = 100;

    public TimeSpan LoginAccountWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Messages one sender may send in one conversation: a burst, refilled at a steady rate.</summary>
    [Range(1, 1_000_000)]
    public int MessageBurst { get; set; } = 100;

    [Range(0.001, 1_000_000)]
    public double MessagesPerSecond { get; set; } = 20;

    /// <summary>Typing events one member may send in one conversation: a burst, refilled at a steady rate.</summary>
    [Range(1, 1_000_000)]
    public int TypingBurst { get; set; } = 20;

    [Range(0.001, 1_000_000)]
    public double TypingEventsPerSecond { get; set; } = 5;

    /// <summary>Calls one user may start per hour, and calls that may ring one user per hour (from anyone).</summary>
    [Range(1, 1_000_000)]
    public int CallsPerCallerPerHour { get; set; } = 60;

    [Range(1, 1_000_000)]
    public int CallsPerCalleePerHour { get; set; } = 60;

    /// <summary>
    /// Group additions: members one user may add per hour over all groups and channels (high enough
    /// for a channel owner adding subscribers), and how often they may add the same person.
    /// </summary>
    [Range(1, 1_000_000)]
    public int GroupAdditionsPerUserPerHour { get; set; } = 20_000;

    [Range(1, 1_000_000)]
    public int GroupAdditionsOfSamePersonPerHour { get; set; } = 10;

    /// <summary>Data exports one user may start per day; one runs at a time in any case.</summary>
    [Range(1, 1_000)]
    public int DataExportsPerDay { get; set; } = 3;
}
