using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Chat.Accounts;

/// <summary>
/// Fans revoked sessions out to every subscribed Frontend. The subscriptions live in memory on
/// purpose: Frontends renew every <see cref="RevocationTimings.Backstop"/>, so a reactivated grain
/// learns them again, and what it missed meanwhile the Frontends read back from Postgres.
/// Reentrant: a slow Frontend must not hold up the next publish or anyone's renewal.
/// </summary>
[Reentrant]
internal sealed partial class RevokedSessionsGrain(AccountStore store, TimeProvider time, ILogger<RevokedSessionsGrain> logger)
    : Grain, IRevokedSessionsGrain
{
    private readonly Dictionary<Guid, (IRevokedSessionsObserver Observer, DateTimeOffset ExpiresAt)> _frontends = [];

    public Task SubscribeAsync(Guid frontendId, IRevokedSessionsObserver observer)
    {
        _frontends[frontendId] = (observer, time.GetUtcNow() + RevocationTimings.SubscriptionLease);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(Guid frontendId)
    {
        _frontends.Remove(frontendId);
        return Task.CompletedTask;
    }

    public async Task PublishAsync(IReadOnlyList<RevokedSession> sessions)
    {
        if (sessions.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var lapsed in _frontends.Where(f => f.Value.ExpiresAt < now).Select(f => f.Key).ToList())
        {
            _frontends.Remove(lapsed);
        }

        var deliveries = _frontends.Select(f => NotifyAsync(f.Key, f.Value.Observer, sessions)).ToList();
        var all = Task.WhenAll(deliveries);
        if (await Task.WhenAny(all, Task.Delay(RevocationTimings.PublishWait, time)) != all)
        {
            LogSlowFrontends(logger, sessions.Count, deliveries.Count(d => !d.IsCompleted));
        }
    }

    public Task<IReadOnlyList<RevokedSession>> ListSinceAsync(DateTimeOffset since) => store.ListRevokedSessionsSinceAsync(since);

    private async Task NotifyAsync(Guid frontendId, IRevokedSessionsObserver observer, IReadOnlyList<RevokedSession> sessions)
    {
        try
        {
            await observer.SessionsRevokedAsync(sessions);
        }
        catch (Exception ex)
        {
            // The Frontend is gone or unreachable: its backstop read (or its lease running out) settles it.
            LogNotifyFailed(logger, ex, frontendId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sessions} revoked sessions published; {Pending} Frontends had not acknowledged in time (their backstop read catches up)")]
    private static partial void LogSlowFrontends(ILogger logger, int sessions, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telling Frontend {FrontendId} of revoked sessions failed")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, Guid frontendId);
}
