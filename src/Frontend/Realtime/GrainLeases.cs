using Chat.Conversations;
using Chat.Presence;

namespace Chat.Frontend.Realtime;

/// <summary>Asks grains for (or releases) this Frontend's events; used on connect, disconnect and renewal.</summary>
public sealed partial class GrainLeases(IClusterClient cluster, FrontendIdentity frontend, ILogger<GrainLeases> logger)
{
    private const int MaxParallelCalls = 64;

    public Task AttachConversationsAsync(IEnumerable<Guid> conversationIds) =>
        ForEachAsync(conversationIds, id => cluster.Reference<IConversationGrain>(id).AttachFrontendAsync(frontend.Id));

    /// <summary>
    /// Renews the presence sessions of every local connection, one call per user. The sessions are
    /// also the user's lease for events addressed to them.
    /// </summary>
    public Task RenewPresenceAsync(Dictionary<Guid, string[]> connectionsByUser) =>
        ForEachAsync(connectionsByUser.Keys, id => cluster.Reference<IPresenceGrain>(id).RenewAsync(frontend.Id, connectionsByUser[id]));

    public Task RenewWatchesAsync(IEnumerable<Guid> watchedUserIds) =>
        ForEachAsync(watchedUserIds, id => cluster.Reference<IPresenceGrain>(id).RenewWatchAsync(frontend.Id));

    public Task DetachConversationAsync(Guid conversationId) => cluster.Reference<IConversationGrain>(conversationId).DetachFrontendAsync(frontend.Id);

    /// <summary>Best effort: a release that fails only leaves a lease to lapse by itself.</summary>
    public async Task ReleaseAsync(Guid userId, IEnumerable<Guid> conversationIds)
    {
        try
        {
            await ForEachAsync(conversationIds, id => cluster.Reference<IConversationGrain>(id).DetachFrontendAsync(frontend.Id));
        }
        catch (Exception ex)
        {
            LogReleaseFailed(logger, ex, userId);
        }
    }

    private static Task ForEachAsync(IEnumerable<Guid> ids, Func<Guid, Task> call) =>
        Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelCalls }, async (id, _) => await call(id));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Releasing leases of user {UserId} failed; they will lapse")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, Guid userId);
}
