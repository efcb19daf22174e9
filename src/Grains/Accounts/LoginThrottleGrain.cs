namespace Chat.Accounts;

/// <summary>
/// Failure times kept in memory only: losing them with a silo costs at most one extra window of
/// guesses, which is cheaper than a Postgres write per failed login.
/// </summary>
internal sealed class LoginThrottleGrain(TimeProvider time) : Grain, ILoginThrottleGrain
{
    private readonly Queue<DateTimeOffset> _failures = new();

    public Task<TimeSpan?> CheckAsync()
    {
        var now = time.GetUtcNow();
        Prune(now);
        TimeSpan? wait = _failures.Count >= Limits.MaxLoginFailuresPerWindow
            ? _failures.Peek() + Limits.LoginFailureWindow - now
            : null;
        return Task.FromResult(wait);
    }

    public Task RecordFailureAsync()
    {
        var now = time.GetUtcNow();
        Prune(now);
        _failures.Enqueue(now);
        return Task.CompletedTask;
    }

    public Task ResetAsync()
    {
        _failures.Clear();
        return Task.CompletedTask;
    }

    private void Prune(DateTimeOffset now)
    {
        while (_failures.Count > 0 && _failures.Peek() + Limits.LoginFailureWindow <= now)
        {
            _failures.Dequeue();
        }
    }
}
