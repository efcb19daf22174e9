namespace Chat.Frontend.Realtime;

/// <summary>When the connection to the cluster comes back, resume the event stream and renew every lease at once.</summary>
internal sealed partial class ClusterReconnectObserver(IServiceProvider services, ILogger<ClusterReconnectObserver> logger) : IClusterConnectionStatusObserver
{
    public void NotifyClusterConnectionLost() => LogLost(logger);

    public void NotifyGatewayCountChanged(int currentNumberOfConnectedGateways, int previousNumberOfConnectedGateways, bool connectionRecovered)
    {
        if (connectionRecovered || (previousNumberOfConnectedGateways == 0 && currentNumberOfConnectedGateways > 0))
        {
            _ = RecoverAsync();
        }
    }

    private async Task RecoverAsync()
    {
        try
        {
            var relay = services.GetRequiredService<RealtimeRelay>();
            if (!relay.IsStarted)
            {
                return;
            }

            await relay.ResubscribeAsync();
            await services.GetRequiredService<LeaseRenewalService>().RenewAllAsync();
        }
        catch (Exception ex)
        {
            LogRecoverFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection to the cluster")]
    private static partial void LogLost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resubscribing after reconnect failed; the next renewal retries")]
    private static partial void LogRecoverFailed(ILogger logger, Exception exception);
}
