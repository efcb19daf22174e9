using Chat.Accounts;
using Chat.Errors;
using Microsoft.Extensions.Logging;

namespace Chat.Conversations;

/// <summary>
/// Away messages in direct conversations: a message to a member whose auto-reply is on is answered
/// in that member's name, once per <see cref="Limits.AutoReplyCooldown"/>. An auto-reply never
/// answers an auto-reply, so two away members do not talk to each other forever.
/// </summary>
internal sealed partial class ConversationGrain
{
    private const string AutoReplyClientIdPrefix = ServerOwnedMetadata.AutoReplyClientIdPrefix;
    private const string AutoReplyMetadata = """{"autoReply":true}""";

    // What each member's setting was when last asked; asked again after AutoReplySettingCacheTime,
    // so a direct send usually costs no extra grain call.
    private readonly Dictionary<Guid, (AutoReplySettings Settings, DateTimeOffset AskedAt)> _autoReplies = [];

    public async Task ConsiderAutoReplyAsync(Guid recipientId, long triggerSeq)
    {
        var now = time.GetUtcNow();
        if (!NeedsAutoReplyCheck(recipientId, now))
        {
            return;
        }

        try
        {
            var settings = await GrainFactory.Reference<IUserGrain>(recipientId).GetAutoReplyAsync();
            _autoReplies[recipientId] = (settings, now);
            if (!settings.IsActiveAt(now))
            {
                return;
            }

            state.State.AutoRepliedAt[recipientId] = now;
            await state.WriteStateAsync();
            await SendMessageAsync(new MessageDraft(recipientId, $"{AutoReplyClientIdPrefix}{triggerSeq}", "text", settings.Message, triggerSeq, AutoReplyMetadata));
        }
        catch (ChatException ex)
        {
            // E.g. the recipient blocked the sender meanwhile, or deleted the account: no away message then.
            LogAutoReplySkipped(logger, Id, recipientId, ex.Code);
        }
    }

    private void ConsiderAutoReplyAfter(ChatMessage message)
    {
        if (state.State.Type != ConversationTypes.Direct || message.ClientMessageId.StartsWith(AutoReplyClientIdPrefix, StringComparison.Ordinal))
        {
            return;
        }

        // A message request gets no away message: it would answer a stranger in the recipient's name.
        var recipientId = _members.Keys.FirstOrDefault(id => id != message.SenderId);
        if (recipientId != Guid.Empty && _consented?.Contains(recipientId) == true && NeedsAutoReplyCheck(recipientId, time.GetUtcNow()))
        {
            // One-way to itself: the answer is sent after this turn, so the sender's ack does not wait for it.
            this.AsReference<IConversationGrain>().ConsiderAutoReplyAsync(recipientId, message.Seq).Ignore();
        }
    }

    private static bool IsAutoReply(MessageDraft draft) => draft.ClientMessageId.StartsWith(AutoReplyClientIdPrefix, StringComparison.Ordinal);

    private bool NeedsAutoReplyCheck(Guid recipientId, DateTimeOffset now)
    {
        if (state.State.AutoRepliedAt.TryGetValue(recipientId, out var repliedAt) && now - repliedAt < Limits.AutoReplyCooldown)
        {
            return false;
        }

        return !_autoReplies.TryGetValue(recipientId, out var known)
            || now - known.AskedAt >= Limits.AutoReplySettingCacheTime
            || known.Settings.IsActiveAt(now);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No auto-reply in {ConversationId} for {RecipientId}: {Code}")]
    private static partial void LogAutoReplySkipped(ILogger logger, Guid conversationId, Guid recipientId, string code);
}
