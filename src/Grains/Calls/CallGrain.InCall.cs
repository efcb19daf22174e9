using Chat.Errors;
using Chat.Realtime;

namespace Chat.Calls;

/// <summary>What happens inside a call: reading it, signaling between devices, media state and reactions.</summary>
internal sealed partial class CallGrain
{
    public async Task<CallInfo> GetAsync(Guid requesterId)
    {
        RequireStarted();
        if (!Call.Participants.Exists(p => p.UserId == requesterId))
        {
            // Members of the conversation may look at its calls (e.g. to join one); the grain throws for others.
            await Conversation(Call.ConversationId).GetAsync(requesterId);
        }

        return ToInfo();
    }

    public Task SignalAsync(Guid fromUserId, Guid toUserId, string kind, string payload)
    {
        CallRules.ValidateSignal(kind, payload);
        RequireJoined(fromUserId);
        var target = Call.Participants.Find(p => p.UserId == toUserId);
        if (toUserId == fromUserId || target is not { IsJoined: true })
        {
            throw ChatException.NotFound("that user is not in the call");
        }

        return PublishToDevicesAsync([target], new CallSignalEvent(new CallSignal(Id, fromUserId, kind, payload)));
    }

    public async Task SetMediaStateAsync(Guid userId, CallMediaState media)
    {
        if (media is null)
        {
            throw ChatException.BadRequest("a media state is required");
        }

        var participant = RequireJoined(userId);
        participant.Media = media;
        await SaveAndPublishAsync();
    }

    public Task SendReactionAsync(Guid userId, string emoji)
    {
        CallRules.ValidateReaction(emoji);
        RequireJoined(userId);
        return PublishToDevicesAsync(Call.Participants.Where(p => p.IsJoined), new CallReactionEvent(Id, userId, emoji));
    }

    private CallParticipantRecord RequireJoined(Guid userId)
    {
        var participant = RequireInvited(userId);
        RequireActive();
        return participant.IsJoined ? participant : throw ChatException.Forbidden("not in the call");
    }
}
