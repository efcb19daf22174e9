using Microsoft.Extensions.Logging;
using System.Threading.Channels;
using Npgsql;

namespace Chat.Files.Previews;

/// <summary>
/// Wakes an idle worker when a job is queued: Postgres notifies <c>file_preview_jobs</c> on every
/// insert (migration 0410), so no silo has to poll fast to start a preview promptly.
/// </summary>
internal sealed partial class PreviewWakeSignal(NpgsqlDataSource dataSource, ILogger logger)
{
    public const string Channel = "file_preview_jobs";

    private readonly Channel<bool> _signal = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Set() => _signal.Writer.TryWrite(true);

    /// <summary>Waits for a wake-up or for <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _signal.Reader.ReadAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed with no notification.
        }
    }

    /// <summary>Listens until stopped; a lost connection is reopened after <paramref name="retryDelay"/>.</summary>
    public async Task ListenAsync(TimeSpan retryDelay, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, _) => Set();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                // Whatever was queued while nobody listened.
                Set();
                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogListenFailed(logger, ex);
                try
                {
                    await Task.Delay(retryDelay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for preview jobs failed; polling until it is back")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
