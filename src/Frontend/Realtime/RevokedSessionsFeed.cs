using Chat.Accounts;
using Chat.Frontend.Auth;

namespace Chat.Frontend.Realtime;

/// <summary>
/// Keeps <see cref="RevokedSessions"/> current and closes the sockets of sessions revoked anywhere
/// in the cluster. The broadcast (<see cref="IRevokedSessionsGrain"/>, this Frontend as observer)
/// makes it immediate; every <see cref="RevocationTimings.Backstop"/> the subscription is renewed and
/// recent revocations are read back from Postgres, so a lost broadcast (the grain's silo died) only
/// delays. On start it loads the revocations whose tokens may still be unexpired, before serving.
/// </summary>
internal sealed partial class RevokedSessionsFeed(
    IClusterClient cluster,
    FrontendIdentity frontend,
    RevokedSessions revoked,
    AccessTokenIssuer tokens,
    LocalAudience audience,
    TimeProvider time,
    ILogger<RevokedSessionsFeed> logger) : BackgroundService, IRevokedSessionsObserver
{
    private IRevokedSessionsObserver? _reference;
    private DateTimeOffset _readFrom;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Orleans holds observers weakly; this service holds itself for the process's life.
        _reference = cluster.CreateObjectReference<IRevokedSessionsObserver>(this);
        _readFrom = time.GetUtcNow() - tokens.Lifetime - AccessTokenIssuer.ClockSkew - RevocationTimings.BackstopOverlap;
        await RenewAsync();
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await cluster.Reference<IRevokedSessionsGrain>(0).UnsubscribeAsync(frontend.Id).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception ex)
        {
            LogUnsubscribeFailed(logger, ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RevocationTimings.Backstop, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RenewAsync();
            }
            catch (Exception ex)
            {
                LogRenewFailed(logger, ex);
            }

            revoked.Prune();
        }
    }

    public Task SessionsRevokedAsync(IReadOnlyList<RevokedSession> sessions)
    {
        Apply(sessions);
        return Task.CompletedTask;
    }

    /// <summary>Subscribes before reading, so a revocation between the two is caught by one or the other.</summary>
    private async Task RenewAsync()
    {
        var grain = cluster.Reference<IRevokedSessionsGrain>(0);
        await grain.SubscribeAsync(frontend.Id, _reference!);
        var readAt = time.GetUtcNow();
        Apply(await grain.ListSinceAsync(_readFrom));
        _readFrom = readAt - RevocationTimings.BackstopOverlap;
    }

    private void Apply(IReadOnlyList<RevokedSession> sessions)
    {
        foreach (var session in revoked.Add(sessions))
        {
            foreach (var connection in audience.ConnectionsOf([session.UserId]))
            {
                if (connection.User.SessionId() == session.SessionId)
                {
                    LogClosing(logger, connection.ConnectionId, session.SessionId);
                    connection.Abort();
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing connection {ConnectionId}: its session {SessionId} was revoked")]
    private static partial void LogClosing(ILogger logger, string connectionId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the revoked-sessions subscription and backstop read failed; retrying next round")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unsubscribing from revoked sessions failed; the lease lapses by itself")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);
}
