using Chat.Conversations;
using Chat.Errors;

namespace Chat.Frontend.Realtime;

/// <summary>
/// The draft a forward sends: the source's type and content, its metadata as <see cref="ForwardedMetadata"/>
/// makes it, and the source's self-destruct timer carried over, so the copy goes when the original does.
/// </summary>
internal static class ForwardDraft
{
    public static MessageDraft From(ChatMessage source, Guid senderId, string? clientMessageId, DateTimeOffset now)
    {
        if (source.Deleted)
        {
            throw ChatException.Conflict("the message was deleted");
        }

        int? expiresInSeconds = null;
        if (source.ExpiresAt is { } expiresAt)
        {
            var remaining = expiresAt - now;
            if (remaining <= TimeSpan.Zero)
            {
                throw ChatException.Conflict("the message has expired");
            }

            expiresInSeconds = Math.Max((int)Limits.MinMessageLifetime.TotalSeconds, (int)remaining.TotalSeconds);
        }

        var draft = new MessageDraft(senderId, clientMessageId ?? "", source.Type, source.Content, null, ForwardedMetadata.Wrap(source))
        {
            ExpiresInSeconds = expiresInSeconds,
        };
        MessageRules.Validate(draft);
        ServerOwnedMetadata.RequireClientIdNotClaimed(draft.ClientMessageId);

        return draft;
    }
}
