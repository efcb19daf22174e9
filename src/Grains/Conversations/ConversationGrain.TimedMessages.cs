using Chat.Errors;
using Chat.Presence;
using Chat.Realtime;
using Microsoft.Extensions.Logging;

namespace Chat.Conversations;

/// <summary>
/// Work with a time attached: self-destructing messages are emptied for everyone when they expire,
/// and scheduled messages are sent by their sender's name when their time comes. A grain timer
/// keeps the time while the grain is active; a reminder wakes the grain again if it was deactivated
/// or its silo died, and the rows in Postgres say what is due.
/// </summary>
internal sealed partial class ConversationGrain
{
    private const string TimedWorkReminder = "timed-work";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private IGrainTimer? _timedWork;

    public async Task<ScheduledMessage> ScheduleMessageAsync(MessageDraft draft, DateTimeOffset sendAt)
    {
        var member = RequireMember(draft.SenderId);
        ConversationPermissions.Require(ConversationPermissions.CanPost(state.State.Type, member.Role), "posting here");
        await RequireNotBlockedAsync(draft.SenderId);
        MessageRules.Validate(draft);
        var now = time.GetUtcNow();
        if (sendAt <= now || sendAt > now + Limits.MaxScheduleAhead)
        {
            throw ChatException.BadRequest($"sendAt must be in the future and at most {Limits.MaxScheduleAhead.TotalDays} days ahead");
        }

        if (draft.ReplyToSeq > _lastSeq)
        {
            throw ChatException.BadRequest("replyToSeq refers to no message");
        }

        // Checked now so the sender learns at once; checked again (and the files described) when it is sent.
        await attachments.AttachAsync(draft);

        var waiting = await timed.ListScheduledAsync(Id, draft.SenderId, dueBy: null);
        if (waiting.FirstOrDefault(s => s.ClientMessageId == draft.ClientMessageId) is { } retried)
        {
            return retried;
        }

        if (waiting.Count >= Limits.MaxScheduledPerSenderPerConversation)
        {
            throw ChatException.Conflict($"at most {Limits.MaxScheduledPerSenderPerConversation} scheduled messages per conversation");
        }

        if (await store.FindByClientIdAsync(Id, draft.SenderId, draft.ClientMessageId) is not null)
        {
            throw ChatException.Conflict("clientMessageId was already used for a sent message");
        }

        var scheduled = new ScheduledMessage(
            Guid.NewGuid(), Id, draft.SenderId, draft.ClientMessageId, draft.Type, draft.Content,
            draft.ReplyToSeq, draft.MetadataJson, sendAt, draft.ExpiresInSeconds);
        await timed.AddScheduledAsync(scheduled);
        await ExpectTimedWorkAsync(sendAt);
        return scheduled;
    }

    public async Task<IReadOnlyList<ScheduledMessage>> GetScheduledMessagesAsync(Guid userId)
    {
        RequireMember(userId);
        return await timed.ListScheduledAsync(Id, userId, dueBy: null);
    }

    public async Task CancelScheduledMessageAsync(Guid userId, Guid scheduledId)
    {
        RequireMember(userId);
        if (await timed.RemoveScheduledAsync(Id, [scheduledId], userId) == 0)
        {
            throw ChatException.NotFound("no such scheduled message");
        }

        // The timer may now fire for nothing; the run then finds the next due time or stops.
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == TimedWorkReminder ? RunTimedWorkAsync(CancellationToken.None) : Task.CompletedTask;

    /// <summary>Called once a self-destructing message is stored.</summary>
    private async Task AfterSendAsync(ChatMessage message)
    {
        if (message.ExpiresAt is { } expiresAt)
        {
            try
            {
                await ExpectTimedWorkAsync(expiresAt);
            }
            catch (Exception ex)
            {
                // The message is stored and reads hide it once expired; only its erasure waits for the next run.
                LogTimedWorkFailed(logger, ex, Id);
            }
        }

        ConsiderAutoReplyAfter(message);
    }

    private void ResumeTimedWork()
    {
        if (state.State.NextTimedWorkAt is { } due)
        {
            ArmTimer(due);
        }
    }

    /// <summary>Makes sure the grain wakes by <paramref name="due"/>: an earlier time is persisted with a reminder.</summary>
    private async Task ExpectTimedWorkAsync(DateTimeOffset due)
    {
        if (state.State.NextTimedWorkAt is { } current && current <= due)
        {
            ArmTimer(current);
            return;
        }

        state.State.NextTimedWorkAt = due;
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(TimedWorkReminder, Later(due), ReminderPeriod);
        ArmTimer(due);
    }

    private async Task RunTimedWorkAsync(CancellationToken cancellationToken)
    {
        if (!state.State.Created)
        {
            return;
        }

        try
        {
            var now = time.GetUtcNow();
            foreach (var expired in await timed.ExpireDueAsync(Id, now))
            {
                await _frontends.PublishAsync(EventAudience.Conversation, Id, new MessageUpdatedEvent(expired));
            }

            // Removed together once all are sent; a crash in between re-sends, and the client ids make that a no-op.
            var due = await timed.ListScheduledAsync(Id, senderId: null, dueBy: now);
            foreach (var scheduled in due)
            {
                await SendScheduledAsync(scheduled);
            }

            if (due.Count > 0)
            {
                await timed.RemoveScheduledAsync(Id, [.. due.Select(s => s.ScheduledId)], senderId: null);
            }

            var next = await timed.NextDueAsync(Id);
            if (next is null)
            {
                await StopTimedWorkAsync();
                return;
            }

            if (next != state.State.NextTimedWorkAt)
            {
                state.State.NextTimedWorkAt = next;
                await state.WriteStateAsync(cancellationToken);
            }

            ArmTimer(next.Value);
        }
        catch (Exception ex)
        {
            // Rows stay due; the next run (timer or reminder) finds them again.
            LogTimedWorkFailed(logger, ex, Id);
            ArmTimer(time.GetUtcNow() + RetryAfterFailure);
        }
    }

    private async Task SendScheduledAsync(ScheduledMessage scheduled)
    {
        var draft = new MessageDraft(scheduled.SenderId, scheduled.ClientMessageId, scheduled.Type, scheduled.Content, scheduled.ReplyToSeq, scheduled.MetadataJson)
        {
            ExpiresInSeconds = scheduled.ExpiresInSeconds,
        };
        try
        {
            // Sent as the sender would send it now, rights checked again; a repeat after a crash finds the first ack.
            await SendMessageAsync(draft);
        }
        catch (ChatException ex)
        {
            await GrainFactory.Reference<IPresenceGrain>(scheduled.SenderId)
                .NotifyAsync(new ScheduledMessageFailedEvent(Id, scheduled.ScheduledId, $"{ex.Code}: {ex.Message}"));
        }
    }

    private async Task StopTimedWorkAsync()
    {
        _timedWork?.Dispose();
        _timedWork = null;
        if (state.State.NextTimedWorkAt is not null)
        {
            state.State.NextTimedWorkAt = null;
            await state.WriteStateAsync();
        }

        if (await this.GetReminder(TimedWorkReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void ArmTimer(DateTimeOffset due)
    {
        var dueTime = Later(due);
        if (_timedWork is null)
        {
            _timedWork = this.RegisterGrainTimer(RunTimedWorkAsync, new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _timedWork.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    private TimeSpan Later(DateTimeOffset due)
    {
        var wait = due - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timed work (expiring or scheduled messages) of {ConversationId} failed; retrying")]
    private static partial void LogTimedWorkFailed(ILogger logger, Exception exception, Guid conversationId);
}
