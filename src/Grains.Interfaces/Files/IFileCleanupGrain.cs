namespace Chat.Files;

/// <summary>
/// The sweep (one grain, key 0, woken by a reminder so it survives silo restarts): removes uploads
/// never completed and files never attached once older than <c>Files:OrphanAge</c>, and a deleted
/// account's files.
/// </summary>
[Alias("chat.files.cleanup")]
public interface IFileCleanupGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the reminder is registered (called at silo start).</summary>
    [Alias("start")]
    Task StartAsync();

    /// <summary>Removes the unattached files created more than <paramref name="orphanAge"/> ago; answers how many.</summary>
    [Alias("sweep")]
    Task<int> SweepAsync(TimeSpan orphanAge);

    [Alias("remove-owned")]
    Task<int> RemoveOwnedFilesAsync(Guid ownerId);
}
