namespace Chat.Accounts;

/// <summary>
/// One personal data export (keyed by its id): a zip of JSON files with the user's account,
/// profile, sessions, memberships, messages, bookmarks and blocks, built in the background and
/// kept in Postgres.
/// </summary>
[Alias("chat.accounts.data-export")]
public interface IDataExportGrain : IGrainWithGuidKey
{
    /// <summary>Records the export as pending for <paramref name="userId"/> and starts building it.</summary>
    [Alias("start")]
    Task StartAsync(Guid userId);

    /// <summary>The export if it belongs to <paramref name="userId"/>; anyone else sees <see cref="DataExportStatus.NotFound"/>.</summary>
    [Alias("get")]
    Task<DataExport> GetAsync(Guid userId);
}
