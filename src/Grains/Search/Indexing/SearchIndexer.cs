using Chat.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chat.Search.Indexing;

/// <summary>
/// Keeps message_search in step with messages, off the send path: every silo runs one, and the one
/// holding the advisory lock drains the queue in rounds (<see cref="SearchIndexStore"/>). A full
/// round is followed by the next at once; otherwise it sleeps until a local write pokes
/// <see cref="SearchIndexSignal"/> or the poll interval passes (writes on other silos), and then
/// until <see cref="SearchIndexerOptions.IndexerMinRoundInterval"/> has passed since the last round began.
/// </summary>
internal sealed partial class SearchIndexer(
    SearchIndexStore store, SearchIndexSignal signal, IOptions<SearchIndexerOptions> options, ILogger<SearchIndexer> logger)
    : BackgroundService
{
    private readonly SearchIndexerOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.IndexerEnabled)
        {
            return;
        }

        // Off the host's start-up path.
        await Task.Yield();
        var batchSize = _options.IndexerBatchSize;
        var failures = 0;
        var lastRound = TimeSpan.MinValue;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                lastRound = clock.Elapsed;
                var round = await store.IndexNextAsync(batchSize, stoppingToken);
                failures = 0;
                var full = round is { } r && r.Taken >= batchSize;
                batchSize = _options.IndexerBatchSize;
                if (round is { Taken: > 0 } done)
                {
                    LogRound(logger, done.Taken, done.Written, done.Removed);
                }

                if (!full)
                {
                    await signal.WaitAsync(_options.IndexerPollInterval, stoppingToken);
                    var sinceLast = clock.Elapsed - lastRound;
                    if (sinceLast < _options.IndexerMinRoundInterval && !await DelayAsync(_options.IndexerMinRoundInterval - sinceLast, stoppingToken))
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (IsRefusal(ex))
            {
                // A row Postgres will not take (a document past tsvector's limits, say) must not stall
                // the queue behind it: halve the round until it stands alone at the head, then drop it.
                if (batchSize > 1)
                {
                    batchSize /= 2;
                    continue;
                }

                await DropRefusedAsync(ex, stoppingToken);
                batchSize = _options.IndexerBatchSize;
            }
            catch (Exception ex)
            {
                // Postgres away, or the schema not migrated yet: nothing was taken; back off and retry.
                failures++;
                LogRoundFailed(logger, ex, failures);
                if (!await DelayAsync(BackOff(failures), stoppingToken))
                {
                    return;
                }
            }
        }
    }

    private TimeSpan BackOff(int failures)
    {
        var delay = _options.IndexerPollInterval * Math.Pow(2, Math.Min(failures, 16));
        return delay < _options.IndexerRetryMax ? delay : _options.IndexerRetryMax;
    }

    private async Task DropRefusedAsync(Exception refusal, CancellationToken stoppingToken)
    {
        try
        {
            if (await store.DropOldestAsync(stoppingToken) is { } key)
            {
                LogDropped(logger, refusal, key.ConversationId, key.Seq);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogRoundFailed(logger, ex, 1);
            await DelayAsync(_options.IndexerRetryMax, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static bool IsRefusal(Exception exception) =>
        RowRefusal.IsRefusal(exception)
        // Class 54, "program limit exceeded": a tsvector or lexeme over Postgres's size limits.
        || exception is PostgresException postgres && postgres.SqlState.StartsWith("54", StringComparison.Ordinal);

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "Search index round: {Taken} queued, {Written} written, {Removed} removed")]
    private static partial void LogRound(ILogger logger, long taken, int written, int removed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index round failed ({Failures} in a row); the queue is kept and retried")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Postgres refused to index message {Seq} of {ConversationId} even alone; its queue row was dropped")]
    private static partial void LogDropped(ILogger logger, Exception exception, Guid conversationId, long seq);
}
