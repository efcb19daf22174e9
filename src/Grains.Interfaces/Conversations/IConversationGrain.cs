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

    /// <summary>Keeps a message to be sent by the sender at <paramref name="sendAt"/>, checked now and again then.</summary>
    [Alias("schedule")]
    Task<ScheduledMessage> ScheduleMessageAsync(MessageDraft draft, DateTimeOffset sendAt);

    /// <summary>The caller's own messages still waiting to be sent here, soonest first.</summary>
    [Alias("scheduled"), ReadOnly]
    Task<IReadOnlyList<ScheduledMessage>> GetScheduledMessagesAsync(Guid userId);

    [Alias("cancel-scheduled")]
    Task CancelScheduledMessageAsync(Guid userId, Guid scheduledId);

    /// <summary>Sent by the grain to itself after a direct message, so the ack never waits for an away message.</summary>
    [Alias("consider-auto-reply"), OneWay]
    Task ConsiderAutoReplyAsync(Guid recipientId, long triggerSeq);

    [Alias("messages"), ReadOnly]
    Task<MessagePage> GetMessagesAsync(Guid requesterId, long? beforeSeq, long? afterSeq, int limit);

    /// <summary>
    /// The message at <paramref name="aroundSeq"/> with up to <c>limit / 2</c> older ones and the rest
    /// newer (how a client opens a search hit in its context); members only, hidden messages left out
    /// as history leaves them out, and not found beyond the last seq.
    /// </summary>
    [Alias("messages-around"), ReadOnly]
    Task<MessageWindow> GetMessagesAroundAsync(Guid requesterId, long aroundSeq, int limit);

    /// <summary>
    /// The messages after <paramref name="afterSeq"/> for one of the user's devices (at most
    /// <see cref="Limits.MaxSyncMessagesPerConversation"/>), moving the user's delivered cursor to the newest
    /// one from someone else, with a <c>DeliveryReceipt</c> when it moved.
    /// </summary>
    [Alias("sync")]
    Task<MessagePage> SyncAsync(Guid userId, long afterSeq);

    [Alias("mark-read")]
    Task MarkReadAsync(Guid userId, long seq);

    [Alias("mark-delivered")]
    Task MarkDeliveredAsync(Guid userId, long seq);

    [Alias("typing")]
    Task SetTypingAsync(Guid userId, bool isTyping);

    [Alias("message"), ReadOnly]
    Task<ChatMessage> GetMessageAsync(Guid requesterId, long seq);

    [Alias("add-members")]
    Task<ConversationInfo> AddMembersAsync(Guid actorId, IReadOnlyList<Guid> userIds);

    /// <summary>Removes a member; an actor removing themself leaves.</summary>
    [Alias("remove-member")]
    Task RemoveMemberAsync(Guid actorId, Guid userId);

    [Alias("set-role")]
    Task SetRoleAsync(Guid actorId, Guid userId, string role);

    /// <summary>Renames a group or channel (owner or admin); every member's devices get <c>ConversationUpdated</c>.</summary>
    [Alias("rename")]
    Task<ConversationInfo> RenameAsync(Guid actorId, string name);

    /// <summary>
    /// Sets (or, with null, removes) a group's or channel's avatar (owner or admin): the actor's own complete
    /// image, made public; every member's devices get <c>ConversationUpdated</c>.
    /// </summary>
    [Alias("set-avatar")]
    Task<ConversationInfo> SetAvatarAsync(Guid actorId, Guid? avatarFileId);

    /// <summary>The files tab: files the conversation's messages carry, newest first (members only; what the requester hid is left out).</summary>
    [Alias("files"), ReadOnly]
    Task<Files.Attachments.ConversationFilesPage> GetFilesAsync(Guid requesterId, string? kind, long? beforeSeq, int limit);

    [Alias("create-invite")]
    Task<InviteLink> CreateInviteAsync(Guid actorId, DateTimeOffset? expiresAt, int? maxUses);

    [Alias("revoke-invite")]
    Task RevokeInviteAsync(Guid actorId, string code);

    [Alias("join-by-invite")]
    Task<ConversationInfo> JoinByInviteAsync(Guid userId, string code);

    [Alias("edit")]
    Task<ChatMessage> EditMessageAsync(Guid userId, long seq, string content);

    [Alias("delete")]
    Task DeleteMessageAsync(Guid userId, long seq, bool forEveryone);

    /// <summary>Adds the reaction, or takes it back if the user already reacted so; returns whether it is now present.</summary>
    [Alias("react")]
    Task<bool> ToggleReactionAsync(Guid userId, long seq, string emoji);

    [Alias("pin")]
    Task SetPinnedAsync(Guid userId, long seq, bool pinned);

    [Alias("bookmark")]
    Task SetBookmarkAsync(Guid userId, long seq, bool bookmarked);

    /// <summary>Mutes notifications for the member until a time, or unmutes with null.</summary>
    [Alias("mute")]
    Task SetMutedAsync(Guid userId, DateTimeOffset? until);

    /// <summary>A new position for the sender's live location share at <paramref name="seq"/>; false if dropped by the rate limit.</summary>
    [Alias("live-location")]
    Task<bool> UpdateLiveLocationAsync(Guid userId, long seq, double latitude, double longitude);

    [Alias("stop-live-location")]
    Task StopLiveLocationAsync(Guid userId, long seq);

    /// <summary>The recipient answers a message request (a direct conversation they have not consented to): <see cref="MessageRequestAnswers"/>.</summary>
    [Alias("answer-request")]
    Task AnswerRequestAsync(Guid userId, string answer);

    /// <summary>Saves (or unsaves) <paramref name="contactId"/> as a contact of <paramref name="userId"/>; called on the pair's direct conversation, which need not exist yet.</summary>
    [Alias("set-contact-saved")]
    Task SetContactSavedAsync(Guid userId, Guid contactId, bool saved);

    /// <summary>A Frontend with members online asks for this conversation's events; the lease lapses unless renewed.</summary>
    [Alias("attach-frontend"), AlwaysInterleave]
    Task AttachFrontendAsync(Guid frontendId);

    [Alias("detach-frontend"), AlwaysInterleave]
    Task DetachFrontendAsync(Guid frontendId);
}
