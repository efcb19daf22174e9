using System.Text.Json;
using Chat.Conversations;
using Chat.Errors;
using Chat.Frontend.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Frontend.Realtime;

/// <summary>The chat hub: thin validation at the boundary, then a grain call; events arrive through <see cref="RealtimeRelay"/>.</summary>
[Authorize]
public sealed class ChatHub(IClusterClient cluster, LocalAudience audience, GrainLeases leases) : Hub
{
    public static string UserGroup(Guid userId) => $"u:{userId:N}";

    private Guid CurrentUserId => Context.User!.UserId();

    public override async Task OnConnectedAsync()
    {
        var userId = CurrentUserId;
        await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(userId));
        if (!audience.AddConnection(userId))
        {
            return;
        }

        try
        {
            await leases.AttachUserAsync(userId);
            var conversationIds = await cluster.GetGrain<IUserConversationsGrain>(userId).GetConversationIdsAsync();
            await leases.AttachConversationsAsync(audience.Join(userId, conversationIds));
        }
        catch
        {
            audience.RemoveConnection(userId);
            throw;
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var userId = CurrentUserId;
        if (audience.RemoveConnection(userId) is { } released)
        {
            await leases.ReleaseAsync(userId, released);
        }
    }

    public Task<MessageAck> SendMessage(SendMessageRequest request)
    {
        if (request is null)
        {
            throw ChatException.BadRequest("a message is required");
        }

        string? metadata = null;
        if (request.Metadata is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } element)
        {
            metadata = element.ValueKind == JsonValueKind.Object ? element.GetRawText() : throw ChatException.BadRequest("metadata must be a JSON object");
        }

        var draft = new MessageDraft(CurrentUserId, request.ClientMessageId ?? "", request.Type ?? "text", request.Content ?? "", request.ReplyToSeq, metadata);
        MessageRules.Validate(draft);
        return Conversation(request.ConversationId).SendMessageAsync(draft);
    }

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

    /// <summary>Copies a message the caller can read into another conversation they can post in, marked as forwarded.</summary>
    public async Task<MessageAck> ForwardMessage(Guid fromConversationId, long seq, Guid toConversationId, string clientMessageId)
    {
        var userId = CurrentUserId;
        var source = await Conversation(fromConversationId).GetMessageAsync(userId, RequirePositive(seq));
        if (source.Deleted)
        {
            throw ChatException.Conflict("the message was deleted");
        }

        var metadata = ForwardedMetadata.Wrap(source);
        var draft = new MessageDraft(userId, clientMessageId ?? "", source.Type, source.Content, null, metadata);
        MessageRules.Validate(draft);
        return await Conversation(toConversationId).SendMessageAsync(draft);
    }

    public async Task<IReadOnlyList<ChatMessage>> Sync(List<SyncCursor> cursors)
    {
        if (cursors is null || cursors.Count > Limits.MaxSyncConversations || cursors.Any(c => c is null || c.AfterSeq < 0))
        {
            throw ChatException.BadRequest($"Sync takes up to {Limits.MaxSyncConversations} cursors with afterSeq >= 0");
        }

        var userId = CurrentUserId;
        var pages = await Task.WhenAll(cursors.DistinctBy(c => c.ConversationId).Select(c =>
            Conversation(c.ConversationId).GetMessagesAsync(userId, beforeSeq: null, c.AfterSeq, Limits.MaxSyncMessagesPerConversation)));
        return [.. pages.SelectMany(p => p.Messages)];
    }

    private IConversationGrain Conversation(Guid conversationId) => cluster.GetGrain<IConversationGrain>(conversationId);

    private static long RequirePositive(long seq) => seq > 0 ? seq : throw ChatException.BadRequest("seq must be positive");
}
