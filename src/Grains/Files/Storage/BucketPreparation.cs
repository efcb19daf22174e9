using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chat.Files.Storage;

/// <summary>
/// Makes the bucket at silo start when it is missing (a fresh local S3). A failure is logged, not
/// fatal: storage being away must not keep chat from starting; uploads answer 503 until it is back.
/// </summary>
internal sealed partial class BucketPreparation(IObjectStore store, StorageSettings settings, ILogger<BucketPreparation> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.EnsureBucketAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogBucketUnavailable(logger, exception, settings.Endpoint, settings.Bucket);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Object storage at {Endpoint} (bucket {Bucket}) could not be prepared; file uploads fail until it is reachable")]
    private static partial void LogBucketUnavailable(ILogger logger, Exception exception, string endpoint, string bucket);
}
