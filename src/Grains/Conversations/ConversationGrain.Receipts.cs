using Chat.Accounts;
using Chat.Realtime;

namespace Chat.Conversations;

/// <summary>
/// What the members' cursors tell others: the positions in the conversation's details (as the
/// readers' privacy allows) and delivery acknowledged when a device catches up by Sync.
/// </summary>
internal sealed partial class ConversationGrain
{
    public async Task<ConversationInfo> GetAsync(Guid requesterId)
    {
        RequireMember(requesterId);

        // Read-only calls interleave only with each other, so the snapshot stays true across the awaits.
        var info = ToInfo();
        var shown = await Task.WhenAll(info.Members.Select(m => ReadReceiptsShownToAsync(m.UserId, requesterId, info.Members.Count)));
        return info with
        {
            Members = [.. info.Members.Select((m, i) => m with
            {
                DeliveredSeq = _members[m.UserId].DeliveredSeq,
                ReadSeq = shown[i] ? _members[m.UserId].ReadSeq : null,
            })],
        };
    }

    public async Task<MessagePage> SyncAsync(Guid userId, long afterSeq)
    {
        RequireMember(userId);
        var page = await store.ReadPageAsync(Id, beforeSeq: null, afterSeq, Limits.MaxSyncMessagesPerConversation);

        // Handed to a device of the user: delivered, up to the newest message from someone else
        // (hidden ones included; one's own messages were delivered to oneself when sent).
        if (page.Messages.LastOrDefault(m => m.SenderId != userId) is { } newest)
        {
            await AdvanceDeliveredAsync(userId, newest.Seq);
        }

        return await actions.DecorateAsync(userId, Id, page);
    }

    /// <summary>Moves a member's delivered cursor forward (never back, never past the last message) and tells the conversation.</summary>
    private async Task AdvanceDeliveredAsync(Guid userId, long seq)
    {
        var member = _members[userId];
        var target = Math.Min(seq, _lastSeq);
        if (target <= member.DeliveredSeq)
        {
            return;
        }

        var updated = member with { DeliveredSeq = target };
        await store.UpdateCursorAsync(Id, userId, updated.ReadSeq, updated.DeliveredSeq);
        _members[userId] = updated;
        await PublishFromAsync(userId, new DeliveryReceiptEvent(Id, userId, target));
    }

    // The rule of the live ReadReceipt (MarkReadAsync), for one viewer; a reader who blocked the viewer shows them nothing.
    // Beyond a group's size (a large channel) others' positions are not looked up: one user grain call per member.
    private async Task<bool> ReadReceiptsShownToAsync(Guid readerId, Guid viewerId, int memberCount)
    {
        if (readerId == viewerId)
        {
            return true;
        }

        if (memberCount > Limits.MaxGroupMembers)
        {
            return false;
        }

        return await SharesReadReceiptsAsync(readerId, await GrainFactory.Reference<IUserGrain>(readerId).GetReadReceiptsAudienceAsync(viewerId));
    }

    // In groups only "everyone" shares read receipts. In a direct conversation a reader shares none
    // while it is a message request for them (reading a request tells the sender nothing), and
    // "contacts" needs the other to have consented too: the two are then contacts.
    private async Task<bool> SharesReadReceiptsAsync(Guid readerId, string audience)
    {
        if (state.State.Type != ConversationTypes.Direct)
        {
            return audience == PrivacyAudiences.Everyone;
        }

        if (audience == PrivacyAudiences.Nobody || !await HasConsentedAsync(readerId))
        {
            return false;
        }

        return audience == PrivacyAudiences.Everyone || await HasConsentedAsync(OtherMember(readerId));
    }
}
