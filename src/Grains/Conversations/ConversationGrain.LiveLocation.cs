using System.Text.Json;
using Chat.Errors;
using Chat.Realtime;

namespace Chat.Conversations;

/// <summary>
/// Live location: the share is a stored <c>live_location</c> message; its updates are events only
/// (a position stream is worth little after the fact), rate limited and refused after <c>liveUntil</c>.
/// </summary>
internal sealed partial class ConversationGrain
{
    private readonly Dictionary<long, LiveShare> _liveShares = [];

    public async Task<bool> UpdateLiveLocationAsync(Guid userId, long seq, double latitude, double longitude)
    {
        RequireMember(userId);
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180 || double.IsNaN(latitude) || double.IsNaN(longitude))
        {
            throw ChatException.BadRequest("latitude must be -90..90 and longitude -180..180");
        }

        var share = await FindLiveShareAsync(userId, seq);
        var now = time.GetUtcNow();
        if (now >= share.Until)
        {
            throw ChatException.Conflict("the live location share has ended");
        }

        if (now - share.LastUpdate < Limits.MinLiveLocationInterval)
        {
            return false;
        }

        await RequireNotBlockedAsync(userId);
        share.LastUpdate = now;
        await PublishFromAsync(userId, new LiveLocationEvent(Id, seq, userId, latitude, longitude, now, Ended: false));
        return true;
    }

    public async Task StopLiveLocationAsync(Guid userId, long seq)
    {
        RequireMember(userId);
        var share = await FindLiveShareAsync(userId, seq);
        var now = time.GetUtcNow();
        share.Until = now;
        await PublishFromAsync(userId, new LiveLocationEvent(Id, seq, userId, 0, 0, now, Ended: true));
    }

    private async Task<LiveShare> FindLiveShareAsync(Guid userId, long seq)
    {
        if (!_liveShares.TryGetValue(seq, out var share))
        {
            var message = await LoadMessageAsync(userId, seq);
            if (message.Type != "live_location" || message.Deleted || message.MetadataJson is null)
            {
                throw ChatException.BadRequest("that message is not a live location share");
            }

            using var metadata = JsonDocument.Parse(message.MetadataJson);
            var until = metadata.RootElement.GetProperty("liveUntil").GetDateTimeOffset();
            var cap = message.SentAt + Limits.MaxLiveLocationDuration;
            share = new LiveShare(message.SenderId, until < cap ? until : cap);
            _liveShares[seq] = share;
        }

        return share.SenderId == userId ? share : throw ChatException.Forbidden("only the sharer updates a live location");
    }

    private sealed class LiveShare(Guid senderId, DateTimeOffset until)
    {
        public Guid SenderId { get; } = senderId;
        public DateTimeOffset Until { get; set; } = until;
        public DateTimeOffset LastUpdate { get; set; } = DateTimeOffset.MinValue;
    }
}
