using Chat.Errors;
using Chat.Presence;
using Chat.Realtime;

namespace Chat.Conversations;

/// <summary>What members do to messages already sent: edit, delete, react, pin, bookmark; and muting.</summary>
internal sealed partial class ConversationGrain
{
    public async Task<ChatMessage> GetMessageAsync(Guid requesterId, long seq)
    {
        RequireMember(requesterId);
        return await LoadMessageAsync(requesterId, seq);
    }

    public async Task<ChatMessage> EditMessageAsync(Guid userId, long seq, string content)
    {
        RequireMember(userId);
        await RequireNotBlockedAsync(userId);
        var message = await LoadMessageAsync(userId, seq);
        if (message.SenderId != userId)
        {
            throw ChatException.Forbidden("only the sender edits a message");
        }

        if (message.Deleted)
        {
            throw ChatException.Conflict("the message was deleted");
        }

        MessageRules.Validate(new MessageDraft(userId, message.ClientMessageId, message.Type, content, message.ReplyToSeq, message.MetadataJson));
        var editedAt = time.GetUtcNow();
        await actions.EditAsync(Id, seq, content, editedAt);
        var edited = message with { Content = content, EditedAt = editedAt };
        await _frontends.PublishAsync(EventAudience.Conversation, Id, new MessageUpdatedEvent(edited));
        return edited;
    }

    public async Task DeleteMessageAsync(Guid userId, long seq, bool forEveryone)
    {
        var member = RequireMember(userId);
        var message = await LoadMessageAsync(userId, seq);
        if (!forEveryone)
        {
            await actions.HideAsync(userId, Id, seq);
            await GrainFactory.Reference<IPresenceGrain>(userId).NotifyAsync(new MessageHiddenEvent(Id, seq));
            return;
        }

        ConversationPermissions.Require(message.SenderId == userId || ConversationPermissions.CanModerateMessages(member.Role), "deleting others' messages");
        if (message.Deleted)
        {
            return;
        }

        await actions.DeleteForEveryoneAsync(Id, seq, time.GetUtcNow());
        var deleted = message with { Content = "", MetadataJson = null, Deleted = true, Reactions = null };
        await _frontends.PublishAsync(EventAudience.Conversation, Id, new MessageUpdatedEvent(deleted));
    }

    public async Task<bool> ToggleReactionAsync(Guid userId, long seq, string emoji)
    {
        RequireMember(userId);
        if (string.IsNullOrWhiteSpace(emoji) || emoji.Length > Limits.MaxEmojiChars || emoji.Any(char.IsWhiteSpace))
        {
            throw ChatException.BadRequest($"emoji must be 1-{Limits.MaxEmojiChars} characters without spaces");
        }

        await RequireNotBlockedAsync(userId);

        var message = await LoadMessageAsync(userId, seq);
        if (message.Deleted)
        {
            throw ChatException.Conflict("the message was deleted");
        }

        var added = await actions.ToggleReactionAsync(Id, seq, userId, emoji);
        await PublishFromAsync(userId, new ReactionChangedEvent(Id, seq, userId, emoji, added));
        return added;
    }

    public async Task SetPinnedAsync(Guid userId, long seq, bool pinned)
    {
        var member = RequireMember(userId);
        ConversationPermissions.Require(ConversationPermissions.CanPin(state.State.Type, member.Role), "pinning");
        RequireSeq(seq);
        await RequireNotBlockedAsync(userId);
        var pins = state.State.PinnedSeqs;
        if (pinned == pins.Contains(seq))
        {
            return;
        }

        if (pinned && pins.Count >= Limits.MaxPinnedMessages)
        {
            throw ChatException.Conflict($"at most {Limits.MaxPinnedMessages} pinned messages");
        }

        // The table before the state, so is:pinned never misses a pin the state shows; a retry after a
        // failed state write finds its row already written.
        await actions.SetPinnedAsync(Id, seq, pinned);
        if (pinned)
        {
            pins.Add(seq);
        }
        else
        {
            pins.Remove(seq);
        }

        await state.WriteStateAsync();
        await _frontends.PublishAsync(EventAudience.Conversation, Id, new PinsChangedEvent(Id, [.. pins]));
    }

    public async Task SetBookmarkAsync(Guid userId, long seq, bool bookmarked)
    {
        RequireMember(userId);
        RequireSeq(seq);
        await actions.SetBookmarkAsync(userId, Id, seq, bookmarked);
    }

    public async Task SetMutedAsync(Guid userId, DateTimeOffset? until)
    {
        RequireMember(userId);
        var now = time.GetUtcNow();
        if (until is { } end && (end <= now || end > now + Limits.MaxMuteAhead))
        {
            throw ChatException.BadRequest($"until must be in the future and at most {Limits.MaxMuteAhead.TotalDays} days ahead, or null to unmute");
        }

        await store.SetMutedUntilAsync(Id, userId, until);
    }

    private async Task<ChatMessage> LoadMessageAsync(Guid readerId, long seq)
    {
        RequireSeq(seq);
        var page = await actions.DecorateAsync(readerId, Id, await store.ReadPageAsync(Id, seq + 1, seq - 1, 1));
        return page.Messages.Count == 1 ? page.Messages[0] : throw ChatException.NotFound("no such message");
    }

    private void RequireSeq(long seq)
    {
        if (seq < 1 || seq > _lastSeq)
        {
            throw ChatException.NotFound("no such message");
        }
    }
}
