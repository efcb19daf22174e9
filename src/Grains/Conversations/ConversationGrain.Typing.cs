using Chat.Realtime;

namespace Chat.Conversations;

/// <summary>
/// Typing indicators: never stored, throttled per sender, and ended by the grain itself when a
/// client goes quiet without saying so (closed tab, lost network).
/// </summary>
internal sealed partial class ConversationGrain
{
    private readonly Dictionary<Guid, Typist> _typists = [];

    public async Task SetTypingAsync(Guid userId, bool isTyping)
    {
        RequireMember(userId);
        RequireTypingPermit(userId);
        if (!isTyping)
        {
            await StopTypingAsync(userId);
            return;
        }

        var now = time.GetUtcNow();
        if (_typists.TryGetValue(userId, out var typist))
        {
            typist.Expiry.Change(Limits.TypingExpiry, Timeout.InfiniteTimeSpan);
            if (now - typist.PublishedAt < Limits.TypingThrottle)
            {
                return;
            }

            await RequireNotBlockedAsync(userId);
            typist.PublishedAt = now;
        }
        else
        {
            await RequireNotBlockedAsync(userId);
            var expiry = this.RegisterGrainTimer(() => StopTypingAsync(userId), new GrainTimerCreationOptions(Limits.TypingExpiry, Timeout.InfiniteTimeSpan));
            _typists[userId] = new Typist(expiry, now);
        }

        await PublishFromAsync(userId, new TypingEvent(Id, userId, true));
    }

    private async Task StopTypingAsync(Guid userId)
    {
        if (!_typists.Remove(userId, out var typist))
        {
            return;
        }

        typist.Expiry.Dispose();
        await PublishFromAsync(userId, new TypingEvent(Id, userId, false));
    }

    private sealed class Typist(IGrainTimer expiry, DateTimeOffset publishedAt)
    {
        public IGrainTimer Expiry { get; } = expiry;
        public DateTimeOffset PublishedAt { get; set; } = publishedAt;
    }
}
