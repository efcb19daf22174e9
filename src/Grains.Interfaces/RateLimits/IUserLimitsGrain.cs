namespace Chat.RateLimits;

/// <summary>
/// One user's rate limits for rare, fan-out-heavy actions (calls, group additions), cluster-wide:
/// a single activation per user, so reconnecting to another Frontend does not reset them. Each
/// method takes the permit and answers null, or takes nothing and answers how long to wait.
/// </summary>
[Alias("chat.limits.user")]
public interface IUserLimitsGrain : IGrainWithGuidKey
{
    /// <summary>This user starts a call.</summary>
    [Alias("try-start-call")]
    Task<TimeSpan?> TryStartCallAsync();

    /// <summary>A call rings this user.</summary>
    [Alias("try-ring")]
    Task<TimeSpan?> TryRingAsync();

    /// <summary>This user adds <paramref name="userIds"/> to a group (creating it or adding members).</summary>
    [Alias("try-add-to-group")]
    Task<TimeSpan?> TryAddToGroupAsync(IReadOnlyList<Guid> userIds);
}
