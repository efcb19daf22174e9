namespace Chat.Files;

/// <summary>
/// The one answer to "may this user see this file": its owner; anyone signed in when it is a public
/// avatar; a member of a conversation where a message that is not deleted carries it. Everyone else
/// is told the file does not exist, so a stranger cannot even learn that an id is in use.
/// </summary>
internal sealed class FileAccess(FileStore store)
{
    public const string NotFoundMessage = "no such file";

    public async Task<bool> CanSeeAsync(FileRow file, Guid userId) =>
        file.OwnerId == userId
        || (file.Status != FileStatuses.Pending && (file.Public || await store.IsSharedWithAsync(file.FileId, userId)));
}
