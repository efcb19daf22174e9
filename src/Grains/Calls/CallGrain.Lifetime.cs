using System.Text.Json;
using Chat.Conversations;
using Chat.Errors;
using Chat.Realtime;
using Microsoft.Extensions.Logging;

namespace Chat.Calls;

/// <summary>How a call ends: the ring timeout, lost devices, and the record it leaves in history and in the conversation.</summary>
internal sealed partial class CallGrain
{
    private void StartSweep() =>
        _sweep ??= this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(Limits.CallSweepInterval, Limits.CallSweepInterval)
        {
            Interleave = false,
            KeepAlive = true,
        });

    /// <summary>Misses a call nobody answered, stops ringing the callees of an ongoing one, and drops participants whose device is gone.</summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (!CallStates.IsActive(Call.State))
        {
            StopSweep();
            return;
        }

        var now = time.GetUtcNow();
        var ringingOver = now >= Call.StartedAt + Limits.CallRingTimeout;
        if (ringingOver && Call.State == CallStates.Ringing)
        {
            await FinishAsync(CallStates.Missed);
            return;
        }

        var changed = false;
        if (ringingOver)
        {
            foreach (var unanswered in Call.Participants.Where(p => p.State == CallParticipantStates.Ringing).ToList())
            {
                unanswered.Release(CallParticipantStates.Missed);
                await Notify(unanswered.UserId, new CallRingingStoppedEvent(Id, CallStates.Missed));
                changed = true;
            }
        }

        foreach (var lost in Call.Participants.Where(p => p.IsJoined && p.DeviceLostAt + Limits.CallRejoinGrace <= now).ToList())
        {
            LogDeviceLost(logger, Id, lost.UserId);
            await DropAsync(lost);
            if (!CallStates.IsActive(Call.State))
            {
                return;
            }
        }

        if (changed)
        {
            await SaveAndPublishAsync();
        }
    }

    private void StopSweep()
    {
        _sweep?.Dispose();
        _sweep = null;
    }

    private async Task FinishAsync(string outcome, (Guid UserId, Guid FrontendId, string? ConnectionId)? leaver = null)
    {
        var joined = Call.Participants.Where(p => p.IsJoined).Select(p => (p.UserId, p.FrontendId, p.ConnectionId)).ToList();
        if (leaver is { ConnectionId: not null } device)
        {
            joined.Add(device);
        }

        var ringing = Call.Participants.Where(p => p.State == CallParticipantStates.Ringing).Select(p => p.UserId).ToList();
        var now = time.GetUtcNow();
        Call.State = outcome;
        Call.EndedAt = now;
        foreach (var participant in Call.Participants)
        {
            if (participant.IsJoined || participant.State == CallParticipantStates.Ringing)
            {
                participant.Release(participant.IsJoined ? CallParticipantStates.Left : CallParticipantStates.Missed);
            }
        }

        await state.WriteStateAsync();
        StopSweep();
        LogFinished(logger, Id, outcome);

        var ended = new CallStateChangedEvent(Id, Call.ConversationId, outcome, [.. Call.Participants.Select(p => p.ToWire())], Call.AnsweredAt);
        await Task.WhenAll(joined.Select(d => PublishAsync(d.UserId, d.FrontendId, d.ConnectionId!, ended)));
        var stopped = new CallRingingStoppedEvent(Id, outcome);
        await Task.WhenAll(ringing.Select(id => Notify(id, stopped)));
        await RecordAsync(now);
    }

    /// <summary>Leaves the call in each invited user's history and as a message in the conversation; a failure is logged, not thrown, as the call is over either way.</summary>
    private async Task RecordAsync(DateTimeOffset endedAt)
    {
        var duration = Call.AnsweredAt is { } answered ? (int)(endedAt - answered).TotalSeconds : 0;
        var entry = new CallHistoryEntry(
            Id, Call.ConversationId, Call.CallerId, Call.Video, Call.State, Missed: false, Call.StartedAt, Call.AnsweredAt, endedAt, duration,
            [.. Call.Participants.Where(p => p.EverJoined).Select(p => p.UserId)]);
        try
        {
            await history.RecordAsync(entry, [.. Call.Participants.Select(p => (p.UserId, p.UserId != Call.CallerId && !p.EverJoined))]);
        }
        catch (Exception ex)
        {
            LogRecordFailed(logger, ex, Id, "history");
        }

        var kind = Call.Video ? "video" : "voice";
        var content = Call.State switch
        {
            CallStates.Ended => $"{char.ToUpperInvariant(kind[0])}{kind[1..]} call, {TimeSpan.FromSeconds(duration):m\\:ss}",
            CallStates.Rejected => $"Declined {kind} call",
            _ => $"Missed {kind} call",
        };
        var metadata = JsonSerializer.Serialize(new
        {
            call = new { callId = Id, outcome = Call.State, video = Call.Video, durationSeconds = duration, startedAt = Call.StartedAt },
        });
        try
        {
            await Conversation(Call.ConversationId).SendMessageAsync(new MessageDraft(Call.CallerId, $"call:{Id:N}", "text", content, null, metadata));
        }
        catch (ChatException ex)
        {
            LogRecordFailed(logger, ex, Id, "message");
        }
    }

    private async Task SaveAndPublishAsync()
    {
        await state.WriteStateAsync();
        await PublishStateAsync();
    }

    private Task PublishStateAsync() => PublishToDevicesAsync(
        Call.Participants.Where(p => p.IsJoined),
        new CallStateChangedEvent(Id, Call.ConversationId, Call.State, [.. Call.Participants.Select(p => p.ToWire())], Call.AnsweredAt));

    private Task PublishToDevicesAsync(IEnumerable<CallParticipantRecord> participants, ClientEvent clientEvent) =>
        Task.WhenAll(participants.Where(p => p.ConnectionId is not null).Select(p => PublishAsync(p.UserId, p.FrontendId, p.ConnectionId!, clientEvent)));

    private Task PublishAsync(Guid userId, Guid frontendId, string connectionId, ClientEvent clientEvent) =>
        streams.PublishAsync(frontendId, new FrontendEnvelope(EventAudience.Connection, userId, clientEvent) { ConnectionId = connectionId });

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} finished: {Outcome}")]
    private static partial void LogFinished(ILogger logger, Guid callId, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} dropped {UserId}: their device did not come back")]
    private static partial void LogDeviceLost(ILogger logger, Guid callId, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId} could not record its {Record}")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, Guid callId, string record);
}
