namespace Chat.Conversations;

/// <summary>
/// A user's view across conversations, answered from Postgres indexes: the conversation ids, the
/// list with unread counts, the bookmarks. It holds nothing, so it runs as a stateless worker on
/// each silo (use key 0) instead of an activation per user.
/// </summary>
[Alias("chat.conversation-index")]
public interface IConversationIndexGrain : IGrainWithIntegerKey
{
    [Alias("ids"), ReadOnly]
    Task<IReadOnlyList<Guid>> GetConversationIdsAsync(Guid userId);

    [Alias("list"), ReadOnly]
    Task<IReadOnlyList<ConversationListItem>> ListConversationsAsync(Guid userId);

    [Alias("bookmarks"), ReadOnly]
    Task<IReadOnlyList<Bookmark>> ListBookmarksAsync(Guid userId);
}
