using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chat.Files.Previews;

/// <summary>
/// Runs the preview queue on this silo: leases due jobs (at most <see cref="PreviewOptions.PreviewConcurrency"/>
/// at once), runs each with <see cref="PreviewJobRunner"/>, and sleeps until a job is queued, one
/// finishes, or the poll interval passes.
/// </summary>
internal sealed partial class PreviewWorker(
    PreviewJobStore jobs, PreviewJobRunner runner, NpgsqlDataSource dataSource, IOptions<PreviewOptions> options, ILogger<PreviewWorker> logger)
    : BackgroundService
{
    private readonly PreviewOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.PreviewWorkerEnabled)
        {
            return;
        }

        var wake = new PreviewWakeSignal(dataSource, logger);
        var listening = wake.ListenAsync(_options.PreviewPollInterval, stoppingToken);
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(task => task.IsCompleted);
            var free = _options.PreviewConcurrency - running.Count;
            if (free > 0)
            {
                foreach (var job in await LeaseAsync(free, stoppingToken))
                {
                    running.Add(RunAsync(job, wake, stoppingToken));
                }
            }

            await Task.WhenAny([.. running, wake.WaitAsync(_options.PreviewPollInterval, stoppingToken)]);
        }

        await Task.WhenAll([.. running, listening]);
    }

    private async Task<IReadOnlyList<PreviewJob>> LeaseAsync(int limit, CancellationToken stoppingToken)
    {
        try
        {
            return await jobs.LeaseDueAsync(limit, _options.PreviewLease, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Postgres away (or the schema not migrated yet): try again at the next poll.
            LogLeaseFailed(logger, ex);
            return [];
        }
        catch (OperationCanceledException)
        {
            return [];
        }
    }

    private async Task RunAsync(PreviewJob job, PreviewWakeSignal wake, CancellationToken stoppingToken)
    {
        // Off the loop's thread: the first steps of a job must not hold up leasing the next.
        await Task.Yield();
        var dueAgainIn = await runner.RunAsync(job, stoppingToken);
        if (dueAgainIn is { } delay)
        {
            // A transcode stage is due now, a retry later: lease it then rather than at some later poll.
            _ = WakeLaterAsync(wake, delay, stoppingToken);
        }
    }

    private static async Task WakeLaterAsync(PreviewWakeSignal wake, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
            wake.Set();
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leasing preview jobs failed")]
    private static partial void LogLeaseFailed(ILogger logger, Exception exception);
}
