using Chat.Realtime;

namespace Chat.Conversations;

/// <summary>A user's conversation list and the routing of events addressed to the user.</summary>
internal sealed class UserConversationsGrain(ConversationStore store, MessageActionStore actions, TimeProvider time) : Grain, IUserConversationsGrain
{
    private FrontendLeases _frontends = null!;

    private Guid UserId => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _frontends = new FrontendLeases(this.GetStreamProvider(RealtimeStreams.ProviderName), time);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Guid>> GetConversationIdsAsync() => store.ConversationIdsForUserAsync(UserId);

    public Task<IReadOnlyList<ConversationListItem>> ListConversationsAsync() => store.ListForUserAsync(UserId);

    public Task<IReadOnlyList<Bookmark>> ListBookmarksAsync() => actions.ListBookmarksAsync(UserId);

    public Task NotifyAsync(ClientEvent clientEvent) => _frontends.PublishAsync(EventAudience.User, UserId, clientEvent);

    public Task AttachFrontendAsync(Guid frontendId)
    {
        _frontends.Renew(frontendId);
        return Task.CompletedTask;
    }

    public Task DetachFrontendAsync(Guid frontendId)
    {
        _frontends.Remove(frontendId);
        return Task.CompletedTask;
    }
}
