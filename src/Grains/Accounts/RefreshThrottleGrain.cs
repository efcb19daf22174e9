namespace Chat.Accounts;

/// <summary>
/// Refresh times of one session, in memory only: losing them with a silo lets at most one extra
/// window of refreshes through, which is cheaper than a Postgres write per refresh.
/// </summary>
internal sealed class RefreshThrottleGrain(TimeProvider time) : Grain, IRefreshThrottleGrain
{
    private readonly Queue<DateTimeOffset> _refreshes = new();

    public Task<TimeSpan?> TryAcquireAsync()
    {
        var now = time.GetUtcNow();
        while (_refreshes.Count > 0 && _refreshes.Peek() + Limits.RefreshWindow <= now)
        {
            _refreshes.Dequeue();
        }

        if (_refreshes.Count >= Limits.MaxRefreshesPerSessionPerWindow)
        {
            return Task.FromResult<TimeSpan?>(_refreshes.Peek() + Limits.RefreshWindow - now);
        }

        _refreshes.Enqueue(now);
        return Task.FromResult<TimeSpan?>(null);
    }
}
