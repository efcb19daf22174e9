using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Chat.Files;

/// <summary>
/// Registers the sweep's reminder once the silo is active. Every silo does it (registering is
/// idempotent); the reminder lives in Postgres, so the sweep goes on across silo restarts.
/// </summary>
internal sealed partial class FileSweepStarter(IGrainFactory grains, ILogger<FileSweepStarter> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(nameof(FileSweepStarter), ServiceLifecycleStage.Active, StartAsync);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await grains.Reference<IFileCleanupGrain>(0).StartAsync();
        }
        catch (Exception exception)
        {
            // Not worth failing the silo for: another silo, or this one's next start, registers it.
            LogStartFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The file sweep's reminder could not be registered")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);
}
