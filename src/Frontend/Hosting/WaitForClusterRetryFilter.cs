namespace Chat.Frontend.Hosting;

/// <summary>A Frontend may start before any silo: it keeps trying to join, and reports not-ready until it has.</summary>
internal sealed partial class WaitForClusterRetryFilter(ILogger<WaitForClusterRetryFilter> logger) : IClientConnectionRetryFilter
{
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogWaiting(logger, exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster not reachable yet ({Reason}); retrying")]
    private static partial void LogWaiting(ILogger logger, string reason);
}
