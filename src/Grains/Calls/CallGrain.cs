using Chat.Accounts;
using Chat.Conversations;
using Chat.Errors;
using Chat.Presence;
using Chat.RateLimits;
using Chat.Realtime;
using Microsoft.Extensions.Logging;

namespace Chat.Calls;

/// <summary>
/// One call's state machine. The grain is not reentrant, so racing answers, cancels and hang-ups are
/// taken one at a time: the first wins and the others find the state changed (a conflict).
/// </summary>
internal sealed partial class CallGrain(
    [PersistentState("call")] IPersistentState<CallState> state,
    CallHistoryStore history,
    FrontendStreams streams,
    TimeProvider time,
    ILogger<CallGrain> logger) : Grain, ICallGrain
{
    private IGrainTimer? _sweep;

    private Guid Id => this.GetPrimaryKey();

    private CallState Call => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Call.Started && CallStates.IsActive(Call.State))
        {
            StartSweep();
        }

        return Task.CompletedTask;
    }

    // Nobody rings someone who blocked them; in a direct conversation a block either way refuses the call.
    private async Task<List<Guid>> WithoutBlocksAsync(ConversationInfo conversation, Guid callerId)
    {
        var others = conversation.Members.Select(m => m.UserId).Where(id => id != callerId).ToList();
        if (conversation.Type == ConversationTypes.Direct)
        {
            return await Blocks.EitherWayAsync(GrainFactory, callerId, others[0]) ? throw ChatException.Forbidden("blocked") : others;
        }

        var blockedCaller = await Task.WhenAll(others.Select(id => GrainFactory.Reference<IUserGrain>(id).HasBlockedAsync(callerId)));
        return [.. others.Where((_, i) => !blockedCaller[i])];
    }

    public async Task<CallInfo> StartAsync(Guid conversationId, Guid callerId, bool video, CallDevice device)
    {
        CallRules.ValidateDevice(device);
        if (Call.Started)
        {
            throw ChatException.Conflict("the call already exists");
        }

        var conversation = await Conversation(conversationId).GetAsync(callerId);
        if (conversation.Type == ConversationTypes.Channel)
        {
            throw ChatException.Forbidden("calls are for direct and group conversations");
        }

        var callees = await WithoutBlocksAsync(conversation, callerId);
        if (callees.Count == 0)
        {
            throw ChatException.BadRequest("there is nobody else to call");
        }

        await RateLimitChecks.RequireCallAsync(GrainFactory, callerId, callees);

        Call.Started = true;
        Call.ConversationId = conversationId;
        Call.ConversationType = conversation.Type;
        Call.CallerId = callerId;
        Call.Video = video;
        Call.State = CallStates.Ringing;
        Call.StartedAt = time.GetUtcNow();
        var caller = new CallParticipantRecord { UserId = callerId };
        caller.Join(device with { UserId = callerId });
        Call.Participants = [caller, .. callees.Select(id => new CallParticipantRecord { UserId = id })];
        await state.WriteStateAsync();
        StartSweep();
        LogStarted(logger, Id, conversationId, callees.Count);

        var incoming = new IncomingCallEvent(Id, conversationId, callerId, video);
        await Task.WhenAll(callees.Select(id => GrainFactory.Reference<IPresenceGrain>(id).NotifyAsync(incoming)));
        await PublishStateAsync();
        return ToInfo();
    }

    public async Task<CallInfo> AcceptAsync(CallDevice device)
    {
        CallRules.ValidateDevice(device);
        var participant = RequireInvited(device.UserId);
        RequireActive();
        if (participant.IsJoined)
        {
            if (participant.ConnectionId == device.ConnectionId)
            {
                return ToInfo();
            }

            throw ChatException.Conflict("the call was answered on another device");
        }

        if (participant.State != CallParticipantStates.Ringing)
        {
            throw ChatException.Conflict($"the call is no longer ringing for you ({participant.State}); join it instead");
        }

        await JoinDeviceAsync(participant, device);
        return ToInfo();
    }

    public async Task RejectAsync(Guid userId)
    {
        var participant = RequireInvited(userId);
        RequireActive();
        if (participant.State != CallParticipantStates.Ringing)
        {
            throw ChatException.Conflict("the call is not ringing for you");
        }

        participant.Release(CallParticipantStates.Rejected);
        await Notify(userId, new CallRingingStoppedEvent(Id, CallStates.Rejected));
        if (Call.State == CallStates.Ringing && !Call.Participants.Any(p => p.State == CallParticipantStates.Ringing))
        {
            await FinishAsync(CallStates.Rejected);
            return;
        }

        await SaveAndPublishAsync();
    }

    public async Task CancelAsync(Guid userId)
    {
        RequireInvited(userId);
        if (userId != Call.CallerId)
        {
            throw ChatException.Forbidden("only the caller can cancel a call");
        }

        if (Call.State != CallStates.Ringing)
        {
            throw ChatException.Conflict($"the call is {Call.State}, not ringing");
        }

        await FinishAsync(CallStates.Cancelled);
    }

    public async Task<CallInfo> JoinAsync(CallDevice device)
    {
        CallRules.ValidateDevice(device);
        RequireStarted();
        RequireActive();
        var participant = Call.Participants.Find(p => p.UserId == device.UserId);
        if (participant is null)
        {
            await Conversation(Call.ConversationId).GetAsync(device.UserId);
            participant = new CallParticipantRecord { UserId = device.UserId, State = CallParticipantStates.Left };
            RequireRoom();
            Call.Participants.Add(participant);
        }

        if (participant.IsJoined)
        {
            // The rejoin path (a reload, a reconnect to another Frontend): the new device replaces the old.
            participant.Join(device);
            await SaveAndPublishAsync();
            return ToInfo();
        }

        await JoinDeviceAsync(participant, device);
        return ToInfo();
    }

    public async Task LeaveAsync(Guid userId)
    {
        var participant = RequireInvited(userId);
        if (!CallStates.IsActive(Call.State) || !participant.IsJoined)
        {
            return;
        }

        await DropAsync(participant);
    }

    public async Task DeviceLostAsync(Guid userId, string connectionId)
    {
        var participant = Call.Participants.Find(p => p.UserId == userId);
        if (!CallStates.IsActive(Call.State) || participant is not { IsJoined: true } || participant.ConnectionId != connectionId)
        {
            return;
        }

        participant.DeviceLostAt = time.GetUtcNow();
        await state.WriteStateAsync();
    }

    public async Task EndAsync(Guid userId)
    {
        var participant = RequireInvited(userId);
        if (Call.State == CallStates.Ended)
        {
            return;
        }

        RequireActive();
        if (Call.State == CallStates.Ringing)
        {
            await CancelAsync(userId);
            return;
        }

        if (!participant.IsJoined)
        {
            throw ChatException.Forbidden("not in the call");
        }

        if (Call.ConversationType != ConversationTypes.Direct && userId != Call.CallerId)
        {
            throw ChatException.Forbidden("only the caller ends a group call for everyone; leave it instead");
        }

        await FinishAsync(CallStates.Ended);
    }

    private async Task JoinDeviceAsync(CallParticipantRecord participant, CallDevice device)
    {
        RequireRoom();
        var wasRinging = participant.State == CallParticipantStates.Ringing;
        participant.Join(device);
        if (Call.State == CallStates.Ringing)
        {
            Call.State = CallStates.Ongoing;
            Call.AnsweredAt = time.GetUtcNow();
        }

        await SaveAndPublishAsync();
        if (wasRinging)
        {
            await Notify(participant.UserId, new CallRingingStoppedEvent(Id, "answered"));
        }
    }

    /// <summary>Takes a participant out; a direct call, or a call nobody is left in, ends with them.</summary>
    private async Task DropAsync(CallParticipantRecord participant)
    {
        // The one leaving hears how the call ended too, on the device they leave from.
        var leaver = (participant.UserId, participant.FrontendId, participant.ConnectionId);
        participant.Release(CallParticipantStates.Left);
        if (Call.State == CallStates.Ringing && participant.UserId == Call.CallerId)
        {
            await FinishAsync(CallStates.Cancelled, leaver);
        }
        else if (Call.State == CallStates.Ongoing
            && (Call.ConversationType == ConversationTypes.Direct || !Call.Participants.Any(p => p.IsJoined)))
        {
            await FinishAsync(CallStates.Ended, leaver);
        }
        else
        {
            await SaveAndPublishAsync();
        }
    }

    private void RequireStarted()
    {
        if (!Call.Started)
        {
            throw ChatException.NotFound("no such call");
        }
    }

    private void RequireActive()
    {
        if (!CallStates.IsActive(Call.State))
        {
            throw ChatException.Conflict($"the call is {Call.State}");
        }
    }

    private void RequireRoom()
    {
        if (Call.Participants.Count(p => p.IsJoined) >= Limits.MaxCallParticipants)
        {
            throw ChatException.Conflict($"the call is full ({Limits.MaxCallParticipants} participants)");
        }
    }

    private CallParticipantRecord RequireInvited(Guid userId)
    {
        RequireStarted();
        return Call.Participants.Find(p => p.UserId == userId) ?? throw ChatException.Forbidden("not a participant of this call");
    }

    private IConversationGrain Conversation(Guid conversationId) => GrainFactory.Reference<IConversationGrain>(conversationId);

    private Task Notify(Guid userId, ClientEvent clientEvent) => GrainFactory.Reference<IPresenceGrain>(userId).NotifyAsync(clientEvent);

    private CallInfo ToInfo() => new(
        Id, Call.ConversationId, Call.CallerId, Call.State, Call.Video, Call.StartedAt, Call.AnsweredAt, Call.EndedAt,
        [.. Call.Participants.Select(p => p.ToWire())]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} started in {ConversationId}, ringing {Callees} users")]
    private static partial void LogStarted(ILogger logger, Guid callId, Guid conversationId, int callees);
}
