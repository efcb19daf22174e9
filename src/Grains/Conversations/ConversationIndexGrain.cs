using Orleans.Concurrency;

namespace Chat.Conversations;

[StatelessWorker]
internal sealed class ConversationIndexGrain(ConversationStore store, MessageActionStore actions) : Grain, IConversationIndexGrain
{
    public Task<IReadOnlyList<Guid>> GetConversationIdsAsync(Guid userId) => store.ConversationIdsForUserAsync(userId);

    public Task<IReadOnlyList<ConversationListItem>> ListConversationsAsync(Guid userId) => store.ListForUserAsync(userId);

    public Task<IReadOnlyList<Bookmark>> ListBookmarksAsync(Guid userId) => actions.ListBookmarksAsync(userId);
}
