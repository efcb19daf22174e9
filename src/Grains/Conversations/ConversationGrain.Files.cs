using Chat.Files.Attachments;
using Chat.Realtime;

namespace Chat.Conversations;

/// <summary>Files beside the messages: the files tab and the group's avatar. (Sending checks files in the send path.)</summary>
internal sealed partial class ConversationGrain
{
    public async Task<ConversationFilesPage> GetFilesAsync(Guid requesterId, string? kind, long? beforeSeq, int limit)
    {
        RequireMember(requesterId);
        return await conversationFiles.ListAsync(Id, requesterId, kind, beforeSeq, limit);
    }

    public async Task<ConversationInfo> SetAvatarAsync(Guid actorId, Guid? avatarFileId)
    {
        var actor = RequireMember(actorId);
        ConversationPermissions.Require(ConversationPermissions.CanRename(state.State.Type, actor.Role), "changing the avatar");
        var previous = state.State.AvatarFileId;
        if (avatarFileId == previous)
        {
            return ToInfo();
        }

        // As a rename: the table (and the files' public flags) first, put back if the state write fails.
        await avatars.UseForConversationAsync(actorId, Id, avatarFileId, previous);
        state.State.AvatarFileId = avatarFileId;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.AvatarFileId = previous;
            await avatars.PutBackConversationAsync(Id, previous, avatarFileId);
            throw;
        }

        await _frontends.PublishAsync(EventAudience.Conversation, Id, new ConversationUpdatedEvent(Id, state.State.Name) { AvatarFileId = avatarFileId });
        return ToInfo();
    }
}
