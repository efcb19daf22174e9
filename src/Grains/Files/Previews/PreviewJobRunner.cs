using Microsoft.Extensions.Logging;
using Chat.Files.Storage;
using Chat.Presence;
using Chat.Realtime;
using Microsoft.Extensions.Options;

namespace Chat.Files.Previews;

/// <summary>
/// One leased job, start to finish: download the original to a work folder, make the stage's
/// previews, upload them, write the results and release the job in one transaction, tell the owner.
/// A failure is retried with back-off until the attempts run out; then the file is ready without previews.
/// </summary>
public sealed partial class PreviewJobRunner(
    PreviewJobStore jobs, PreviewMaker maker, IObjectStore store, IGrainFactory grains, IOptions<PreviewOptions> options, ILogger<PreviewJobRunner> logger)
{
    private readonly PreviewOptions _options = options.Value;

    /// <summary>
    /// Runs the job; answers when this file's job is due again (now for a video's transcode stage,
    /// later for a retry), or null when it is done.
    /// </summary>
    public async Task<TimeSpan?> RunAsync(PreviewJob job, CancellationToken stoppingToken)
    {
        if (job.FileDeleted)
        {
            await jobs.DropAsync(job);
            return null;
        }

        var workDir = Path.Combine(Path.GetTempPath(), "chat-previews", $"{job.FileId:N}-{job.LeaseId:N}");
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewal = KeepLeaseAsync(job, work);
        try
        {
            Directory.CreateDirectory(workDir);
            return await MakeAndStoreAsync(job, workDir, work.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping: hand the job back at once rather than wait for the lease to lapse.
            await ReleaseQuietlyAsync(job, TimeSpan.Zero, "the silo stopped");
            return null;
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            LogLeaseLost(logger, job.FileId, job.Stage);
            return null;
        }
        catch (Exception ex)
        {
            return await FailAsync(job, ex);
        }
        finally
        {
            await work.CancelAsync();
            await renewal;
            DeleteQuietly(workDir);
        }
    }

    private async Task<TimeSpan?> MakeAndStoreAsync(PreviewJob job, string workDir, CancellationToken cancellationToken)
    {
        var original = Path.Combine(workDir, "original");
        await store.DownloadToFileAsync(job.ObjectKey, original, cancellationToken);
        var set = await maker.MakeAsync(job.Stage, job.Source, original, workDir, cancellationToken);
        foreach (var made in set.Objects)
        {
            await store.UploadFileAsync(PreviewVariants.Key(job.FileId, made.Variant), made.Path, made.ContentType, cancellationToken);
        }

        if (job.Stage == PreviewStages.Transcode)
        {
            var transcoded = await jobs.FinishTranscodeAsync(job);
            await NotifyOwnerAsync(transcoded);
            await RemoveIfFileGoneAsync(job, transcoded);
            return null;
        }

        // Others download an image's or a video's clean copy; an image that carried no metadata is its own
        // clean copy, byte for byte.
        var cleanKey = set.HasCleanCopy ? PreviewVariants.Key(job.FileId, PreviewVariants.Clean)
            : job.Source.Kind == "image" ? job.ObjectKey : null;
        var file = await jobs.FinishPreviewsAsync(job, set, cleanKey, set.NeedsWebRendition);
        await NotifyOwnerAsync(file);
        await RemoveIfFileGoneAsync(job, file);
        LogPreviewsMade(logger, job.FileId, job.Source.Kind, set.Objects.Count);
        return file is not null && set.NeedsWebRendition ? TimeSpan.Zero : null;
    }

    private async Task<TimeSpan?> FailAsync(PreviewJob job, Exception ex)
    {
        if (ex is UnpreviewableFileException || job.Attempts >= _options.PreviewMaxAttempts)
        {
            LogGaveUp(logger, ex, job.FileId, job.Stage, job.Attempts);
            try
            {
                var file = await jobs.GiveUpAsync(job);
                if (job.Stage == PreviewStages.Previews)
                {
                    await NotifyOwnerAsync(file);
                }
            }
            catch (Exception giveUpFailure)
            {
                // The lease lapses and the next attempt gives up again.
                LogFinishFailed(logger, giveUpFailure, job.FileId);
            }

            return null;
        }

        var retryAfter = RetryDelay(job.Attempts);
        LogRetrying(logger, ex, job.FileId, job.Stage, job.Attempts, retryAfter);
        await ReleaseQuietlyAsync(job, retryAfter, $"{ex.GetType().Name}: {ex.Message}");
        return retryAfter;
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var delay = _options.PreviewRetryBase * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay < _options.PreviewRetryMax ? delay : _options.PreviewRetryMax;
    }

    /// <summary>Extends the lease while the job runs; if it is lost, the work is cancelled (another silo has the job).</summary>
    private async Task KeepLeaseAsync(PreviewJob job, CancellationTokenSource work)
    {
        var period = _options.PreviewLease / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, work.Token);
                if (!await jobs.RenewAsync(job, _options.PreviewLease, work.Token))
                {
                    await work.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job finished (or the silo is stopping).
        }
        catch (Exception ex)
        {
            // Postgres away: the job goes on; if the lease lapses meanwhile, its finish is refused.
            LogRenewFailed(logger, ex, job.FileId);
        }
    }

    private async Task NotifyOwnerAsync(FileDescription? file)
    {
        if (file is null)
        {
            return;
        }

        try
        {
            await grains.GetGrain<IPresenceGrain>(file.OwnerId).NotifyAsync(new FileProcessedEvent(file));
        }
        catch (Exception ex)
        {
            // The results are stored; a device that missed the event reads the file on its next fetch.
            LogNotifyFailed(logger, ex, file.FileId);
        }
    }

    /// <summary>
    /// A file removed while its previews were made took its prefix with it before our uploads landed:
    /// delete what we stored. (A null finish with the file still there means another silo holds the
    /// job now; its objects have the same keys, so nothing is deleted then.)
    /// </summary>
    private async Task RemoveIfFileGoneAsync(PreviewJob job, FileDescription? finished)
    {
        if (finished is null && !await jobs.FileExistsAsync(job.FileId))
        {
            await store.DeletePrefixAsync(PreviewVariants.Prefix(job.FileId));
        }
    }

    private async Task ReleaseQuietlyAsync(PreviewJob job, TimeSpan retryAfter, string error)
    {
        try
        {
            await jobs.RetryLaterAsync(job, retryAfter, error.Length <= 1000 ? error : error[..1000]);
        }
        catch (Exception ex)
        {
            // The lease lapses on its own.
            LogFinishFailed(logger, ex, job.FileId);
        }
    }

    private static void DeleteQuietly(string workDir)
    {
        try
        {
            if (Directory.Exists(workDir))
            {
                Directory.Delete(workDir, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover work folder in temp is harmless.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Previews of {FileId} ({Kind}) made: {Count} objects")]
    private static partial void LogPreviewsMade(ILogger logger, Guid fileId, string kind, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Preview {Stage} of {FileId} failed (attempt {Attempts}); retrying in {RetryAfter}")]
    private static partial void LogRetrying(ILogger logger, Exception exception, Guid fileId, string stage, int attempts, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up the preview {Stage} of {FileId} after {Attempts} attempts; the file stays without those previews")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, Guid fileId, string stage, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lost the lease on the preview {Stage} of {FileId}; another silo has it")]
    private static partial void LogLeaseLost(ILogger logger, Guid fileId, string stage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the preview lease of {FileId}")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, Guid fileId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the preview outcome of {FileId}; its lease will lapse and it runs again")]
    private static partial void LogFinishFailed(ILogger logger, Exception exception, Guid fileId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the owner that {FileId} was processed")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, Guid fileId);
}
