using Chat.Realtime;

namespace Chat.Frontend.Realtime;

/// <summary>
/// Renews this Frontend's leases on every grain its connected users need. This is also how a grain
/// that was reactivated elsewhere (a silo died) learns about this Frontend again.
/// </summary>
internal sealed partial class LeaseRenewalService(LocalAudience audience, LocalWatchers watchers, GrainLeases leases, ILogger<LeaseRenewalService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(LeaseTimings.FrontendRenewal);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RenewAllAsync();
        }
    }

    public async Task RenewAllAsync()
    {
        var (users, conversations) = audience.Snapshot();
        try
        {
            await Task.WhenAll(
                leases.AttachConversationsAsync(conversations),
                leases.RenewPresenceAsync(users),
                leases.RenewWatchesAsync(watchers.Watched()));
        }
        catch (Exception ex)
        {
            LogRenewalFailed(logger, ex, users.Count, conversations.Length);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing leases for {Users} users and {Conversations} conversations failed; retrying next round")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, int users, int conversations);
}
