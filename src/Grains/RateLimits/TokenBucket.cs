namespace Chat.RateLimits;

/// <summary>
/// A burst of <c>capacity</c> permits, refilled steadily at <c>capacity</c> per <c>refillPeriod</c>.
/// Not thread-safe: each lives inside one grain activation.
/// </summary>
/// <remarks>
/// Not <c>System.Threading.RateLimiting.TokenBucketRateLimiter</c>: that one refills on a timer of
/// its own (or by explicit replenish calls), is disposable, and reads the stopwatch. Here a grain
/// keeps one per sender and conversation, often thousands, with no timers, and tests drive time
/// through the grain's <see cref="TimeProvider"/>.
/// </remarks>
internal sealed class TokenBucket(int capacity, TimeSpan refillPeriod, DateTimeOffset now)
{
    private readonly double _permitsPerTick = capacity / (double)refillPeriod.Ticks;
    private double _tokens = capacity;
    private DateTimeOffset _updated = now;

    /// <summary>Builds a bucket from a rate in permits per second.</summary>
    public static TokenBucket PerSecond(int burst, double permitsPerSecond, DateTimeOffset now) =>
        new(burst, TimeSpan.FromTicks((long)(burst / permitsPerSecond * TimeSpan.TicksPerSecond)), now);

    /// <summary>Takes the permits and answers null, or takes nothing and answers how long until they are there.</summary>
    public TimeSpan? TryTake(DateTimeOffset now, int permits = 1)
    {
        if (WaitFor(now, permits) is { } wait)
        {
            return wait;
        }

        _tokens -= permits;
        return null;
    }

    /// <summary>Null if the permits are there now (without taking them), else how long until they are.</summary>
    public TimeSpan? WaitFor(DateTimeOffset now, int permits = 1)
    {
        if (now > _updated)
        {
            _tokens = Math.Min(capacity, _tokens + ((now - _updated).Ticks * _permitsPerTick));
            _updated = now;
        }

        if (_tokens >= permits)
        {
            return null;
        }

        return permits > capacity
            ? refillPeriod
            : TimeSpan.FromTicks((long)Math.Ceiling((permits - _tokens) / _permitsPerTick));
    }

    /// <summary>Full again: nothing to remember about this user any more.</summary>
    public bool IsFull(DateTimeOffset now) => _tokens + ((now - _updated).Ticks * _permitsPerTick) >= capacity;
}
