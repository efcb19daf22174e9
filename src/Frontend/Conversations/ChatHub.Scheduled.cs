using Chat.Conversations;
using Chat.Errors;
using Chat.Frontend.Conversations;

namespace Chat.Frontend.Realtime;

/// <summary>Scheduled messages: kept by the conversation and sent in the caller's name when their time comes.</summary>
public sealed partial class ChatHub
{
    public Task<ScheduledMessage> ScheduleMessage(ScheduleMessageRequest request)
    {
        if (request is null)
        {
            throw ChatException.BadRequest("a message is required");
        }

        var sendAt = request.SendAt ?? throw ChatException.BadRequest("sendAt is required");
        var draft = SendMessageRequest.Draft(
            CurrentUserId, request.ClientMessageId, request.Content, request.Type, request.ReplyToSeq, request.Metadata, request.ExpiresInSeconds);
        return Conversation(request.ConversationId).ScheduleMessageAsync(draft, sendAt);
    }

    public Task<IReadOnlyList<ScheduledMessage>> GetScheduledMessages(Guid conversationId) =>
        Conversation(conversationId).GetScheduledMessagesAsync(CurrentUserId);

    public Task CancelScheduledMessage(Guid conversationId, Guid scheduledId) =>
        Conversation(conversationId).CancelScheduledMessageAsync(CurrentUserId, scheduledId);
}
