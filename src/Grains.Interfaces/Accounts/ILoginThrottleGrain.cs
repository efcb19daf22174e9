namespace Chat.Accounts;

/// <summary>
/// Counts failed logins for one account key (normalised login), cluster-wide: after
/// <see cref="Limits.MaxLoginFailuresPerWindow"/> failures in a window, logins are refused until it passes.
/// </summary>
[Alias("chat.accounts.login-throttle")]
public interface ILoginThrottleGrain : IGrainWithStringKey
{
    /// <summary>Null if a login may be attempted now, else how long to wait.</summary>
    [Alias("check")]
    Task<TimeSpan?> CheckAsync();

    [Alias("record-failure")]
    Task RecordFailureAsync();

    [Alias("reset")]
    Task ResetAsync();
}
