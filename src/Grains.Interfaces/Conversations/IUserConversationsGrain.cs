using Chat.Realtime;

namespace Chat.Conversations;

/// <summary>
/// A user's view across conversations: the conversation list (served from indexes) and the
/// routing of events addressed to the user rather than to a conversation.
/// </summary>
[Alias("chat.user-conversations")]
public interface IUserConversationsGrain : IGrainWithGuidKey
{
    [Alias("ids"), ReadOnly]
    Task<IReadOnlyList<Guid>> GetConversationIdsAsync();

    [Alias("list"), ReadOnly]
    Task<IReadOnlyList<ConversationListItem>> ListConversationsAsync();

    [Alias("bookmarks"), ReadOnly]
    Task<IReadOnlyList<Bookmark>> ListBookmarksAsync();

    /// <summary>Delivers an event to every connected device of this user.</summary>
    [Alias("notify"), AlwaysInterleave]
    Task NotifyAsync(ClientEvent clientEvent);

    [Alias("attach-frontend"), AlwaysInterleave]
    Task AttachFrontendAsync(Guid frontendId);

    [Alias("detach-frontend"), AlwaysInterleave]
    Task DetachFrontendAsync(Guid frontendId);
}
