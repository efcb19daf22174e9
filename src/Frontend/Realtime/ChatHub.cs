using System.Text.Json;
using Chat.Conversations;
using Chat.Errors;
using Chat.Frontend.Auth;
using Chat.Presence;
using Chat.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Frontend.Realtime;

/// <summary>
/// The chat hub: thin validation at the boundary, then a grain call; events arrive through
/// <see cref="RealtimeRelay"/>. Its requests are authenticated by <see cref="HubTokenAuthentication"/>.
/// </summary>
public sealed partial class ChatHub(IClusterClient cluster, LocalAudience audience, LocalWatchers watchers, GrainLeases leases, FrontendIdentity frontend) : Hub
{
    private const int MaxWatchCallsInFlight = 8;

    private Guid CurrentUserId => Context.User!.UserId();

    /// <summary>The socket is already in <see cref="LocalAudience"/> (<see cref="ChatHubLifetimeManager"/>).</summary>
    public override async Task OnConnectedAsync()
    {
        var userId = CurrentUserId;
        await Presence(userId).ConnectAsync(frontend.Id, Context.ConnectionId);
        if (audience.TakeJoinPending(userId))
        {
            var conversationIds = await cluster.Reference<IConversationIndexGrain>(0).GetConversationIdsAsync(userId);
            await leases.AttachConversationsAsync(audience.Join(userId, conversationIds));
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var userId = CurrentUserId;
        await ReleaseCallDevicesAsync();
        if (audience.RemoveConnection(userId, Context.ConnectionId) is { } released)
        {
            watchers.Forget(userId);
            await leases.ReleaseAsync(userId, released);

            // A new connection of the same user may have arrived while we released: whatever is
            // needed again must not wait for the next renewal.
            var neededAgain = released.Where(id => audience.UsersIn(id).Count > 0).ToList();
            await leases.AttachConversationsAsync(neededAgain);
        }

        await Presence(userId).DisconnectAsync(Context.ConnectionId);
    }

    /// <summary>Sets away or do-not-disturb by hand; "online" clears it.</summary>
    public Task SetPresence(string status) => Presence(CurrentUserId).SetStatusAsync(status ?? "");

    /// <summary>This device has been idle (or is active again); all devices idle shows the user away.</summary>
    public Task SetIdle(bool idle) => Presence(CurrentUserId).SetIdleAsync(Context.ConnectionId, idle);

    /// <summary>Returns the presence of each user (those who blocked the caller are left out) and sends their changes from now on.</summary>
    public async Task<IReadOnlyList<PresenceChangedEvent>> WatchPresence(List<Guid> userIds)
    {
        if (userIds is null || userIds.Count > Limits.MaxPresenceWatchPerCall)
        {
            throw ChatException.BadRequest($"watch 0 to {Limits.MaxPresenceWatchPerCall} users per call");
        }

        var viewerId = CurrentUserId;
        var ids = userIds.Distinct().ToArray();
        var states = new IReadOnlyList<PresenceChangedEvent>[ids.Length];

        // A few calls in flight per watch, not one per id: 10,000 users connecting at once otherwise
        // put ~40,000 calls in flight, and Orleans keeps a pooled response object for each for good.
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Length), new ParallelOptions { MaxDegreeOfParallelism = MaxWatchCallsInFlight },
            async (i, _) => states[i] = await Presence(ids[i]).WatchAsync(viewerId, frontend.Id));
        watchers.Watch(viewerId, [.. states.Where(s => s.Count > 0).Select(s => s[0].UserId)]);
        return [.. states.SelectMany(s => s)];
    }

    public Task<MessageAck> SendMessage(SendMessageRequest request) =>
        request is null
            ? throw ChatException.BadRequest("a message is required")
            : Conversation(request.ConversationId).SendMessageAsync(request.ToDraft(CurrentUserId));

    public Task MarkRead(Guid conversationId, long seq) => Conversation(conversationId).MarkReadAsync(CurrentUserId, RequirePositive(seq));

    public Task MarkDelivered(Guid conversationId, long seq) => Conversation(conversationId).MarkDeliveredAsync(CurrentUserId, RequirePositive(seq));

    public Task Typing(Guid conversationId, bool isTyping) => Conversation(conversationId).SetTypingAsync(CurrentUserId, isTyping);

    public Task<ChatMessage> EditMessage(Guid conversationId, long seq, string content) =>
        Conversation(conversationId).EditMessageAsync(CurrentUserId, RequirePositive(seq), content ?? "");

    public Task DeleteMessage(Guid conversationId, long seq, bool forEveryone) =>
        Conversation(conversationId).DeleteMessageAsync(CurrentUserId, RequirePositive(seq), forEveryone);

    /// <summary>Toggles a reaction; returns whether it is now present.</summary>
    public Task<bool> React(Guid conversationId, long seq, string emoji) =>
        Conversation(conversationId).ToggleReactionAsync(CurrentUserId, RequirePositive(seq), emoji ?? "");

    public Task PinMessage(Guid conversationId, long seq, bool pinned) =>
        Conversation(conversationId).SetPinnedAsync(CurrentUserId, RequirePositive(seq), pinned);

    /// <summary>Sends a new position for the caller's live location share (a live_location message); false if too soon after the last.</summary>
    public Task<bool> UpdateLiveLocation(Guid conversationId, long seq, double latitude, double longitude) =>
        Conversation(conversationId).UpdateLiveLocationAsync(CurrentUserId, RequirePositive(seq), latitude, longitude);

    public Task StopLiveLocation(Guid conversationId, long seq) =>
        Conversation(conversationId).StopLiveLocationAsync(CurrentUserId, RequirePositive(seq));

    /// <summary>Copies a message the caller can read into another conversation they can post in, marked as forwarded; a self-destructing one keeps its end.</summary>
    public async Task<MessageAck> ForwardMessage(Guid fromConversationId, long seq, Guid toConversationId, string clientMessageId)
    {
        var userId = CurrentUserId;
        var source = await Conversation(fromConversationId).GetMessageAsync(userId, RequirePositive(seq));
        var draft = ForwardDraft.From(source, userId, clientMessageId, TimeProvider.System.GetUtcNow());
        return await Conversation(toConversationId).SendMessageAsync(draft);
    }

    public async Task<IReadOnlyList<ChatMessage>> Sync(List<SyncCursor> cursors)
    {
        if (cursors is null || cursors.Count > Limits.MaxSyncConversations || cursors.Any(c => c is null || c.AfterSeq < 0))
        {
            throw ChatException.BadRequest($"Sync takes up to {Limits.MaxSyncConversations} cursors with afterSeq >= 0");
        }

        var userId = CurrentUserId;
        // Each conversation moves the caller's delivered cursor in this same call: catching up is delivery.
        var pages = await Task.WhenAll(cursors.DistinctBy(c => c.ConversationId).Select(c =>
            Conversation(c.ConversationId).SyncAsync(userId, c.AfterSeq)));
        return [.. pages.SelectMany(p => p.Messages)];
    }

    private IPresenceGrain Presence(Guid userId) => cluster.Reference<IPresenceGrain>(userId);

    private IConversationGrain Conversation(Guid conversationId) => cluster.Reference<IConversationGrain>(conversationId);

    private static long RequirePositive(long seq) => seq > 0 ? seq : throw ChatException.BadRequest("seq must be positive");
}
