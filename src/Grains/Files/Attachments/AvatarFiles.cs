using Chat.Errors;

namespace Chat.Files.Attachments;

/// <summary>
/// The one rule for a profile photo and a group avatar: the user's own complete image, uploaded as an
/// avatar or for a message (a photo already sent may become one).
/// </summary>
internal sealed class AvatarFiles(AttachmentStore store)
{
    /// <summary>Checks the new photo (null removes it) and puts it in use as <paramref name="userId"/>'s profile photo.</summary>
    public async Task UseForProfileAsync(Guid userId, Guid? avatarFileId, Guid? replacedFileId)
    {
        if (avatarFileId is { } fileId)
        {
            await RequireUsableAsync(userId, fileId);
        }

        await store.SetProfileAvatarAsync(userId, avatarFileId, replacedFileId);
    }

    /// <summary>Checks the new avatar (<paramref name="actorId"/>'s own file; null removes it) and puts it in use for a group or channel.</summary>
    public async Task UseForConversationAsync(Guid actorId, Guid conversationId, Guid? avatarFileId, Guid? replacedFileId)
    {
        if (avatarFileId is { } fileId)
        {
            await RequireUsableAsync(actorId, fileId);
        }

        await store.SetConversationAvatarAsync(conversationId, avatarFileId, replacedFileId);
    }

    /// <summary>Puts a profile's earlier photo back after its state write failed (it passed the check when it was set).</summary>
    public Task PutBackProfileAsync(Guid userId, Guid? earlierFileId, Guid? failedFileId) =>
        store.SetProfileAvatarAsync(userId, earlierFileId, failedFileId);

    /// <summary>As <see cref="PutBackProfileAsync"/> for a group's avatar.</summary>
    public Task PutBackConversationAsync(Guid conversationId, Guid? earlierFileId, Guid? failedFileId) =>
        store.SetConversationAvatarAsync(conversationId, earlierFileId, failedFileId);

    /// <summary>Throws <c>not_found</c> for a file that is missing or not <paramref name="userId"/>'s, <c>bad_request</c> for one that does not fit.</summary>
    public async Task RequireUsableAsync(Guid userId, Guid fileId)
    {
        var file = await store.FindAsync(fileId);
        if (file is null || file.OwnerId != userId)
        {
            throw ChatException.NotFound($"file {fileId} not found");
        }

        if (file.Status == FileStatuses.Pending || file.Kind is null)
        {
            throw ChatException.BadRequest($"file {fileId} is not complete: finish its upload first");
        }

        if (file.Kind != FileKinds.Image)
        {
            throw ChatException.BadRequest($"an avatar is an image; file {fileId} is of kind {file.Kind}");
        }

        if (file.Purpose is not ("avatar" or "message"))
        {
            throw ChatException.BadRequest($"file {fileId} was uploaded as a {file.Purpose}, not an avatar or for a message");
        }
    }
}
