using Chat.RateLimits;
using Microsoft.Extensions.Options;

namespace Chat.Accounts;

/// <summary>
/// Failures kept in memory only: losing them with a silo costs at most one more round of guesses,
/// which is cheaper than a Postgres write per failed sign-in.
/// </summary>
internal sealed class LoginThrottleGrain(IOptions<AbuseLimits> options, TimeProvider time) : Grain, ILoginThrottleGrain
{
    // Bounds the memory a flood from many addresses can take; the oldest quiet sources go first.
    private const int MaxTrackedSources = 10_000;
    private const int MaxTrustedSources = 20;
    private static readonly TimeSpan TrustedSourceLifetime = TimeSpan.FromDays(1);

    private readonly AbuseLimits _limits = options.Value;
    private readonly Dictionary<string, SourceFailures> _sources = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _accountFailures = new();
    private readonly Dictionary<string, DateTimeOffset> _trustedSources = new(StringComparer.Ordinal);

    public Task<TimeSpan?> CheckAsync(string source)
    {
        var now = time.GetUtcNow();
        Prune(now);
        if (_sources.TryGetValue(source, out var failures) && failures.BlockedUntil > now)
        {
            return Task.FromResult<TimeSpan?>(failures.BlockedUntil - now);
        }

        TimeSpan? wait = _accountFailures.Count >= _limits.LoginAccountFailuresPerWindow && !IsTrusted(source, now)
            ? _accountFailures.Peek() + _limits.LoginAccountWindow - now
            : null;
        return Task.FromResult(wait);
    }

    public Task RecordFailureAsync(string source)
    {
        var now = time.GetUtcNow();
        Prune(now);
        _accountFailures.Enqueue(now);
        var count = (_sources.TryGetValue(source, out var previous) ? previous.Count : 0) + 1;
        var beyond = count - _limits.LoginFreeFailuresPerSource;
        var backoff = beyond <= 0
            ? TimeSpan.Zero
            : TimeSpan.FromTicks(Math.Min(_limits.LoginBackoffMax.Ticks, _limits.LoginBackoffBase.Ticks * (1L << Math.Min(beyond - 1, 30))));
        if (!_sources.ContainsKey(source) && _sources.Count >= MaxTrackedSources)
        {
            _sources.Remove(_sources.MinBy(s => s.Value.LastFailure).Key);
        }

        _sources[source] = new SourceFailures(count, now, now + backoff);
        return Task.CompletedTask;
    }

    public Task RecordSuccessAsync(string source)
    {
        var now = time.GetUtcNow();
        _sources.Remove(source);
        if (!_trustedSources.ContainsKey(source) && _trustedSources.Count >= MaxTrustedSources)
        {
            _trustedSources.Remove(_trustedSources.MinBy(s => s.Value).Key);
        }

        _trustedSources[source] = now;
        return Task.CompletedTask;
    }

    private bool IsTrusted(string source, DateTimeOffset now) =>
        _trustedSources.TryGetValue(source, out var since) && since + TrustedSourceLifetime > now;

    private void Prune(DateTimeOffset now)
    {
        while (_accountFailures.Count > 0 && _accountFailures.Peek() + _limits.LoginAccountWindow <= now)
        {
            _accountFailures.Dequeue();
        }

        // A source quiet for the longest back-off starts again from zero.
        if (_sources.Count > 0)
        {
            foreach (var key in _sources.Where(s => s.Value.LastFailure + _limits.LoginBackoffMax <= now).Select(s => s.Key).ToList())
            {
                _sources.Remove(key);
            }
        }
    }

    private readonly record struct SourceFailures(int Count, DateTimeOffset LastFailure, DateTimeOffset BlockedUntil);
}
