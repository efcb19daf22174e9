using Microsoft.Extensions.Logging;

namespace Chat.Files;

/// <inheritdoc cref="IFileCleanupGrain"/>
internal sealed partial class FileCleanupGrain(FileStore store, FileSettings settings, TimeProvider time, ILogger<FileCleanupGrain> logger)
    : Grain, IFileCleanupGrain, IRemindable
{
    private const string SweepReminder = "files-sweep";

    /// <summary>One pass removes at most this many; the next tick takes the rest.</summary>
    private const int SweepBatch = 500;

    public async Task StartAsync() => await this.RegisterOrUpdateReminder(SweepReminder, settings.SweepPeriod, settings.SweepPeriod);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == SweepReminder)
        {
            await SweepAsync(settings.OrphanAge);
        }
    }

    public async Task<int> SweepAsync(TimeSpan orphanAge)
    {
        var orphans = await store.FindOrphansAsync(time.GetUtcNow() - orphanAge, SweepBatch);
        var removed = await RemoveAllAsync(orphans);
        if (removed > 0)
        {
            LogSwept(logger, removed, orphanAge);
        }

        return removed;
    }

    public async Task<int> RemoveOwnedFilesAsync(Guid ownerId)
    {
        var removed = await RemoveAllAsync(await store.FindOwnedAsync(ownerId));
        LogOwnedRemoved(logger, removed, ownerId);
        return removed;
    }

    // Through each file's grain, so a removal never runs beside that file's completion.
    private async Task<int> RemoveAllAsync(IReadOnlyList<Guid> fileIds)
    {
        var removed = 0;
        foreach (var fileId in fileIds)
        {
            try
            {
                await GrainFactory.Reference<IFileGrain>(fileId).RemoveAsync();
                removed++;
            }
            catch (Exception exception)
            {
                // One file whose storage refuses must not keep the rest; the next pass tries it again.
                LogRemoveFailed(logger, exception, fileId);
            }
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} files never completed or never attached (older than {OrphanAge})")]
    private static partial void LogSwept(ILogger logger, int count, TimeSpan orphanAge);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} files of deleted account {OwnerId}")]
    private static partial void LogOwnedRemoved(ILogger logger, int count, Guid ownerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove file {FileId}; the next sweep tries again")]
    private static partial void LogRemoveFailed(ILogger logger, Exception exception, Guid fileId);
}
