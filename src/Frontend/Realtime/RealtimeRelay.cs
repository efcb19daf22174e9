using Chat.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Orleans.Streams;

namespace Chat.Frontend.Realtime;

/// <summary>
/// Consumes this Frontend's one stream and relays each event to the local sockets of its audience.
/// A client subscription is not virtual: after the cluster connection recovers it is resumed
/// (never duplicated) by <see cref="ResubscribeAsync"/>.
/// </summary>
public sealed partial class RealtimeRelay(
    IClusterClient cluster,
    FrontendIdentity frontend,
    LocalAudience audience,
    LocalWatchers watchers,
    GrainLeases leases,
    IHubContext<ChatHub> hub,
    ILogger<RealtimeRelay> logger) : IHostedService
{
    private readonly SemaphoreSlim _subscribing = new(1, 1);

    /// <summary>True once the first subscription is made; reconnect handling before that has nothing to resume.</summary>
    public bool IsStarted { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ResubscribeAsync();
        IsStarted = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ResubscribeAsync()
    {
        await _subscribing.WaitAsync();
        try
        {
            var stream = cluster.GetStreamProvider(RealtimeStreams.ProviderName)
                .GetStream<FrontendEnvelope>(RealtimeStreams.ForFrontend(frontend.Id));
            var handles = await stream.GetAllSubscriptionHandles();
            if (handles.Count == 0)
            {
                await stream.SubscribeAsync(RelayAsync);
            }
            else
            {
                await handles[0].ResumeAsync(RelayAsync);
                foreach (var extra in handles.Skip(1))
                {
                    await extra.UnsubscribeAsync();
                }
            }

            LogSubscribed(logger, frontend.Id, handles.Count);
        }
        finally
        {
            _subscribing.Release();
        }
    }

    private async Task RelayAsync(FrontendEnvelope envelope, StreamSequenceToken? token)
    {
        try
        {
            var clientEvent = envelope.Event;
            if (envelope.Audience == EventAudience.Connection)
            {
                if (envelope.ConnectionId is { } connectionId)
                {
                    await hub.Clients.Client(connectionId).SendAsync(clientEvent.HubMethod, clientEvent.Payload);
                }

                return;
            }

            if (envelope.Audience == EventAudience.Conversation)
            {
                await WriteAsync(audience.ConnectionsIn(envelope.AudienceId, envelope.ExceptUserIds), clientEvent);
                return;
            }

            if (clientEvent is PresenceAccessChangedEvent)
            {
                await RecheckWatchersAsync(envelope.AudienceId);
                return;
            }

            if (envelope.Audience == EventAudience.PresenceWatchers)
            {
                await WriteAsync(audience.ConnectionsOf(watchers.ViewersOf(envelope.AudienceId)), clientEvent);
                return;
            }

            if (clientEvent is ConversationAddedEvent added)
            {
                var fresh = audience.Join(envelope.AudienceId, [added.ConversationId]);
                await leases.AttachConversationsAsync(fresh);
            }
            else if (clientEvent is ConversationRemovedEvent removed && audience.Leave(envelope.AudienceId, removed.ConversationId))
            {
                await leases.DetachConversationAsync(removed.ConversationId);
            }

            await WriteAsync(audience.ConnectionsOf([envelope.AudienceId]), clientEvent);
        }
        catch (Exception ex)
        {
            // One bad relay must not stop the stream; clients recover anything missed by Sync.
            LogRelayFailed(logger, ex, envelope.Event.HubMethod, envelope.AudienceId);
        }
    }

    /// <summary>
    /// The watched user's privacy or blocks changed: each local watcher is asked about again, and one
    /// no longer allowed stops getting changes before any later event of the user is relayed (the
    /// stream is in order), and is told the user is offline.
    /// </summary>
    private async Task RecheckWatchersAsync(Guid watchedId)
    {
        var presence = cluster.Reference<Chat.Presence.IPresenceGrain>(watchedId);
        foreach (var viewerId in watchers.ViewersOf(watchedId))
        {
            if ((await presence.WatchAsync(viewerId, frontend.Id)).Count == 0)
            {
                watchers.Unwatch(viewerId, watchedId);
                await WriteAsync(audience.ConnectionsOf([viewerId]), new PresenceChangedEvent(watchedId, Chat.Presence.PresenceStatuses.Offline, null));
            }
        }
    }

    /// <summary>Writes one event to many sockets, serialized once per hub protocol (as SignalR's own group sends do).</summary>
    private static async Task WriteAsync(List<HubConnectionContext> connections, ClientEvent clientEvent)
    {
        if (connections.Count == 0)
        {
            return;
        }

        var message = new SerializedHubMessage(new InvocationMessage(clientEvent.HubMethod, [clientEvent.Payload]));
        List<Task>? pending = null;
        foreach (var connection in connections)
        {
            var write = connection.WriteAsync(message);
            if (!write.IsCompletedSuccessfully)
            {
                (pending ??= []).Add(write.AsTask());
            }
        }

        if (pending is not null)
        {
            await Task.WhenAll(pending);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Frontend {FrontendId} subscribed to its event stream ({Existing} existing handles)")]
    private static partial void LogSubscribed(ILogger logger, Guid frontendId, int existing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying {Method} to {AudienceId} failed")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, string method, Guid audienceId);
}
