namespace Chat.Conversations;

/// <summary>
/// One conversation: its members and roles, the gapless message sequence and the read cursors.
/// Messages are stored in their own tables before they are acknowledged.
/// </summary>
[Alias("chat.conv")]
public interface IConversationGrain : IGrainWithGuidKey
{
    /// <summary>Creates the conversation, or returns it unchanged if it exists (direct conversations are found again this way).</summary>
    [Alias("create")]
    Task<ConversationInfo> CreateAsync(ConversationCreation creation);

    [Alias("get"), ReadOnly]
    Task<ConversationInfo> GetAsync(Guid requesterId);

    [Alias("send")]
    Task<MessageAck> SendMessageAsync(MessageDraft draft);

    [Alias("messages"), ReadOnly]
    Task<MessagePage> GetMessagesAsync(Guid requesterId, long? beforeSeq, long? afterSeq, int limit);

    [Alias("mark-read")]
    Task MarkReadAsync(Guid userId, long seq);

    [Alias("mark-delivered")]
    Task MarkDeliveredAsync(Guid userId, long seq);

    [Alias("typing")]
    Task SetTypingAsync(Guid userId, bool isTyping);

    /// <summary>A Frontend with members online asks for this conversation's events; the lease lapses unless renewed.</summary>
    [Alias("attach-frontend"), AlwaysInterleave]
    Task AttachFrontendAsync(Guid frontendId);

    [Alias("detach-frontend"), AlwaysInterleave]
    Task DetachFrontendAsync(Guid frontendId);
}
