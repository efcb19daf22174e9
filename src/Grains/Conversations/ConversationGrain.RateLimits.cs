using Chat.Errors;
using Chat.RateLimits;

namespace Chat.Conversations;

/// <summary>
/// Per-sender limits on sends and typing events, kept in the conversation's own activation: the
/// send already comes here, so the check costs no extra grain call and no write, and holds
/// whichever Frontend the sender is connected to.
/// </summary>
internal sealed partial class ConversationGrain
{
    // Past this many senders, buckets that have refilled are dropped (a full bucket is the same as none).
    private const int SenderBucketsBeforePrune = 64;

    private readonly Dictionary<Guid, TokenBucket> _sendBuckets = [];
    private readonly Dictionary<Guid, TokenBucket> _typingBuckets = [];
    private AbuseLimits AbuseLimits => abuseLimits.Value;

    private void RequireSendPermit(Guid senderId) =>
        RequirePermit(_sendBuckets, senderId, AbuseLimits.MessageBurst, AbuseLimits.MessagesPerSecond, "messages");

    private void RequireTypingPermit(Guid userId) =>
        RequirePermit(_typingBuckets, userId, AbuseLimits.TypingBurst, AbuseLimits.TypingEventsPerSecond, "typing events");

    private void RequirePermit(Dictionary<Guid, TokenBucket> buckets, Guid userId, int burst, double perSecond, string what)
    {
        var now = time.GetUtcNow();
        if (!buckets.TryGetValue(userId, out var bucket))
        {
            if (buckets.Count >= SenderBucketsBeforePrune)
            {
                foreach (var full in buckets.Where(b => b.Value.IsFull(now)).Select(b => b.Key).ToList())
                {
                    buckets.Remove(full);
                }
            }

            bucket = TokenBucket.PerSecond(burst, perSecond, now);
            buckets[userId] = bucket;
        }

        if (bucket.TryTake(now) is { } wait)
        {
            throw ChatException.RateLimited($"too many {what} in this conversation; at most {perSecond:0.##} a second", wait);
        }
    }
}
