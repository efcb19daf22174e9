using Chat.Accounts;
using Chat.Errors;
using Chat.Files.Attachments;
using Chat.Presence;
using Chat.Realtime;
using Chat.RateLimits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace Chat.Conversations;

/// <summary>
/// Owns one conversation's sequence: a send is validated, given the next seq, stored, and only then
/// acknowledged and published. The grain is not reentrant, so seqs are assigned one at a time.
/// </summary>
internal sealed partial class ConversationGrain(
    [PersistentState("conversation")] IPersistentState<ConversationState> state,
    ConversationStore store,
    MessageActionStore actions,
    MessageBatchWriter writer,
    TimedMessageStore timed,
    ContactConsentStore consents,
    MessageAttachments attachments,
    ConversationFiles conversationFiles,
    AvatarFiles avatars,
    IOptions<AbuseLimits> abuseLimits,
    FrontendStreams streams,
    TimeProvider time,
    ILogger<ConversationGrain> logger) : Grain, IConversationGrain, IRemindable
{
    private const int RecentAcksKept = 512;

    private readonly Dictionary<(Guid Sender, string ClientId), MessageAck> _recentAcks = [];
    private readonly Queue<(Guid Sender, string ClientId)> _recentOrder = new();
    private Dictionary<Guid, MemberCursor> _members = [];
    private FrontendLeases _frontends = null!;
    private long _lastSeq;

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _frontends = new FrontendLeases(streams, time);
        if (state.State.Created)
        {
            _members = await store.LoadMembersAsync(Id, cancellationToken);
            _lastSeq = await store.GetLastSeqAsync(Id, cancellationToken);
            ResumeTimedWork();
            await MirrorOldPinsAsync();
        }
    }

    // A conversation pinned in before pinned_messages existed: copy its pins there once.
    private async Task MirrorOldPinsAsync()
    {
        if (state.State.PinsMirrored)
        {
            return;
        }

        await actions.MirrorPinsAsync(Id, state.State.PinnedSeqs);
        state.State.PinsMirrored = true;
        await state.WriteStateAsync();
    }

    public async Task<ConversationInfo> CreateAsync(ConversationCreation creation)
    {
        if (state.State.Created)
        {
            RequireMember(creation.CreatorId);
            return ToInfo();
        }

        var members = ConversationMembership.Initial(Id, creation);
        if (creation.Type == ConversationTypes.Direct)
        {
            var other = members.Single(m => m.UserId != creation.CreatorId).UserId;
            if (await Blocks.EitherWayAsync(GrainFactory, other, creation.CreatorId))
            {
                throw ChatException.Forbidden("blocked");
            }
        }
        else
        {
            await RequireMayAddAsync(creation.CreatorId, [.. members.Select(m => m.UserId)]);
        }

        await store.CreateAsync(Id, creation, members);
        if (creation.Type == ConversationTypes.Direct)
        {
            // Opening the conversation is the creator's consent; for the other it is a message request.
            await consents.ConsentAsync(creation.CreatorId, members.Single(m => m.UserId != creation.CreatorId).UserId);
        }

        state.State.Created = true;
        state.State.Type = creation.Type;
        state.State.Name = creation.Type == ConversationTypes.Direct ? null : creation.Name;
        state.State.CreatedBy = creation.CreatorId;
        state.State.CreatedAt = time.GetUtcNow();
        state.State.PinsMirrored = true;
        await state.WriteStateAsync();
        _members = members.ToDictionary(m => m.UserId, m => new MemberCursor(m.Role, 0, 0));

        var added = new ConversationAddedEvent(Id, state.State.Type, state.State.Name);
        await Task.WhenAll(members.Select(m => GrainFactory.Reference<IPresenceGrain>(m.UserId).NotifyAsync(added)));
        LogCreated(logger, Id, creation.Type, members.Count);
        return ToInfo();
    }

    public async Task<MessageAck> SendMessageAsync(MessageDraft draft)
    {
        var member = RequireMember(draft.SenderId);
        ConversationPermissions.Require(ConversationPermissions.CanPost(state.State.Type, member.Role), "posting here");
        await RequireNotBlockedAsync(draft.SenderId);

        MessageRules.Validate(draft);
        if (draft.ReplyToSeq > _lastSeq)
        {
            throw ChatException.BadRequest("replyToSeq refers to no message");
        }

        if (_recentAcks.TryGetValue((draft.SenderId, draft.ClientMessageId), out var known))
        {
            return known;
        }

        RequireSendPermit(draft.SenderId);
        var (stored, files) = await attachments.AttachAsync(draft);
        for (var attempt = 0; ; attempt++)
        {
            var message = NewMessage(_lastSeq + 1, stored);
            if (await writer.InsertAsync(message, files))
            {
                if (!IsAutoReply(draft))
                {
                    await ConsentAsync(draft.SenderId);
                }

                var ack = await CompleteSendAsync(message);
                await AfterSendAsync(message);
                return ack;
            }

            // The row conflicted: either this is a retry of a stored send, or another activation
            // took the seq (e.g. during a silo failover). Find which from the table, the truth.
            var existing = await store.FindByClientIdAsync(Id, draft.SenderId, draft.ClientMessageId);
            if (existing is not null)
            {
                return Remember(new MessageAck(Id, existing.Seq, existing.MessageId, existing.SentAt), draft);
            }

            _lastSeq = await store.GetLastSeqAsync(Id);
            if (attempt == 2)
            {
                throw ChatException.Unavailable("could not assign a sequence number, try again");
            }
        }
    }

    public async Task<MessagePage> GetMessagesAsync(Guid requesterId, long? beforeSeq, long? afterSeq, int limit)
    {
        RequireMember(requesterId);
        if (limit is < 1 or > Limits.MaxSyncMessagesPerConversation)
        {
            throw ChatException.BadRequest($"limit must be between 1 and {Limits.MaxSyncMessagesPerConversation}");
        }

        return await actions.DecorateAsync(requesterId, Id, await store.ReadPageAsync(Id, beforeSeq, afterSeq, limit));
    }

    public async Task<MessageWindow> GetMessagesAroundAsync(Guid requesterId, long aroundSeq, int limit)
    {
        RequireMember(requesterId);
        if (limit is < 1 or > Limits.MaxSyncMessagesPerConversation)
        {
            throw ChatException.BadRequest($"limit must be between 1 and {Limits.MaxSyncMessagesPerConversation}");
        }

        if (aroundSeq < 1)
        {
            throw ChatException.BadRequest("aroundSeq must be positive");
        }

        if (aroundSeq > _lastSeq)
        {
            throw ChatException.NotFound("no message at aroundSeq");
        }

        var window = await store.ReadAroundAsync(Id, aroundSeq, limit);
        var decorated = await actions.DecorateAsync(requesterId, Id, new MessagePage(window.Messages, window.HasMore));
        return window with { Messages = decorated.Messages };
    }

    public async Task MarkReadAsync(Guid userId, long seq)
    {
        var member = RequireMember(userId);
        var target = Math.Min(seq, _lastSeq);
        if (target > member.ReadSeq)
        {
            var updated = member with { ReadSeq = target, DeliveredSeq = Math.Max(member.DeliveredSeq, target) };
            await store.UpdateCursorAsync(Id, userId, updated.ReadSeq, updated.DeliveredSeq);
            _members[userId] = updated;
        }

        // Answered even when the cursor was already there (a send moved it silently), so the
        // others learn what this member has read; nothing is written twice.
        var receipt = new ReadReceiptEvent(Id, userId, _members[userId].ReadSeq);
        if (await ReadReceiptsGoToOthersAsync(userId))
        {
            await PublishFromAsync(userId, receipt);
        }
        else
        {
            // The reader's own devices still learn it, to keep their unread counts in step.
            await GrainFactory.Reference<IPresenceGrain>(userId).NotifyAsync(receipt);
        }
    }

    public async Task MarkDeliveredAsync(Guid userId, long seq)
    {
        RequireMember(userId);
        await AdvanceDeliveredAsync(userId, seq);
    }

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

    private async Task<MessageAck> CompleteSendAsync(ChatMessage message)
    {
        _lastSeq = message.Seq;
        if (_members.TryGetValue(message.SenderId, out var sender))
        {
            // Sending reads everything before it (the batch writer moved the stored cursor too);
            // the receipt for that is left to the client's MarkRead, which always answers with one.
            _members[message.SenderId] = sender with { ReadSeq = message.Seq, DeliveredSeq = Math.Max(sender.DeliveredSeq, message.Seq) };
        }

        var ack = Remember(new MessageAck(Id, message.Seq, message.MessageId, message.SentAt),
            new MessageDraft(message.SenderId, message.ClientMessageId, message.Type, message.Content, message.ReplyToSeq, message.MetadataJson));

        try
        {
            await _frontends.PublishAsync(EventAudience.Conversation, Id, new MessageReceivedEvent(message));
            await StopTypingAsync(message.SenderId);
        }
        catch (Exception ex)
        {
            // Stored is what counts: a lost event costs latency (clients see the seq gap and Sync), never the message.
            LogPublishFailed(logger, ex, Id, message.Seq);
        }

        return ack;
    }

    private ChatMessage NewMessage(long seq, MessageDraft draft)
    {
        var sentAt = time.GetUtcNow();
        return new(
            Id, seq, Guid.NewGuid(), draft.SenderId, draft.ClientMessageId, draft.Type, draft.Content,
            draft.ReplyToSeq, draft.MetadataJson, sentAt, EditedAt: null, Deleted: false)
        {
            ExpiresAt = draft.ExpiresInSeconds is { } lifetime ? sentAt.AddSeconds(lifetime) : null,
        };
    }

    private MessageAck Remember(MessageAck ack, MessageDraft draft)
    {
        var key = (draft.SenderId, draft.ClientMessageId);
        if (_recentAcks.TryAdd(key, ack))
        {
            _recentOrder.Enqueue(key);
            if (_recentOrder.Count > RecentAcksKept)
            {
                _recentAcks.Remove(_recentOrder.Dequeue());
            }
        }

        return ack;
    }

    // In a direct conversation a block in either direction stops every event of either member: messages,
    // typing, reactions, edits, pins and live location are all refused here.
    private async Task RequireNotBlockedAsync(Guid senderId)
    {
        if (await IsBlockedInDirectAsync(senderId))
        {
            throw ChatException.Forbidden("blocked");
        }
    }

    private async Task<bool> IsBlockedInDirectAsync(Guid memberId) =>
        state.State.Type == ConversationTypes.Direct && await Blocks.EitherWayAsync(GrainFactory, OtherMember(memberId), memberId);

    // Groups and channels: everyone added must allow the adder (not blocked either way, their groupAdds
    // setting). One answer for every reason, as the anchors give: the adder learns only who could not be added.
    // The adder's own list is read once here (it holds blocks made before the reverse copy existed);
    // each person's grain answers for their side and their setting.
    private async Task RequireMayAddAsync(Guid adderId, IReadOnlyList<Guid> userIds)
    {
        var others = userIds.Where(id => id != adderId).Distinct().ToList();
        if (others.Count == 0)
        {
            return;
        }

        var adderRelations = await GrainFactory.Reference<IUserGrain>(adderId).GetBlockRelationsAsync();
        var allowed = await Task.WhenAll(others.Select(id => adderRelations.Contains(id)
            ? Task.FromResult(false)
            : GrainFactory.Reference<IUserGrain>(id).MayAddToGroupsAsync(adderId)));
        var refused = others.Where((_, i) => !allowed[i]).ToList();
        if (refused.Count > 0)
        {
            throw ChatException.Forbidden($"these users cannot be added by you: {string.Join(", ", refused)}");
        }
    }

    private async Task<bool> ReadReceiptsGoToOthersAsync(Guid readerId) =>
        await ReadReceiptsVisibleToOthersAsync(readerId) && !await IsBlockedInDirectAsync(readerId);

    private async Task<bool> ReadReceiptsVisibleToOthersAsync(Guid readerId)
    {
        if (state.State.Type == ConversationTypes.Direct)
        {
            var other = OtherMember(readerId);
            return await SharesReadReceiptsAsync(readerId, await GrainFactory.Reference<IUserGrain>(readerId).GetReadReceiptsAudienceAsync(other));
        }

        return await SharesReadReceiptsAsync(readerId, (await GrainFactory.Reference<IUserGrain>(readerId).GetPrivacyAsync()).ReadReceipts);
    }

    private MemberCursor RequireMember(Guid userId)
    {
        if (!state.State.Created)
        {
            throw ChatException.NotFound("conversation not found");
        }

        return _members.TryGetValue(userId, out var member) ? member : throw ChatException.Forbidden("not a member");
    }

    private ConversationInfo ToInfo() => new(
        Id, state.State.Type, state.State.Name,
        [.. _members.Select(m => new ConversationMember(m.Key, m.Value.Role))], _lastSeq)
    {
        PinnedSeqs = [.. state.State.PinnedSeqs],
        AvatarFileId = state.State.AvatarFileId,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Created {Type} conversation {ConversationId} with {MemberCount} members")]
    private static partial void LogCreated(ILogger logger, Guid conversationId, string type, int memberCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing message {Seq} of {ConversationId} failed; clients will Sync")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, Guid conversationId, long seq);
}
