namespace Chat.Accounts;

/// <summary>
/// Counts refreshes of one session (keyed by session id), cluster-wide: at most
/// <see cref="Limits.MaxRefreshesPerSessionPerWindow"/> per <see cref="Limits.RefreshWindow"/>.
/// </summary>
[Alias("chat.accounts.refresh-throttle")]
public interface IRefreshThrottleGrain : IGrainWithGuidKey
{
    /// <summary>Records a refresh and answers null if it may go ahead, else how long to wait (nothing recorded).</summary>
    [Alias("try-acquire")]
    Task<TimeSpan?> TryAcquireAsync();
}
