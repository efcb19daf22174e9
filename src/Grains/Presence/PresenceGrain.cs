using Chat.Accounts;
using Chat.Errors;
using Chat.Realtime;

namespace Chat.Presence;

/// <summary>
/// Aggregates a user's device sessions into one status. Sessions are leases renewed by their
/// Frontends; the last one going starts a short grace period, so a quick reconnect is no flap.
/// Changes are published once per watching Frontend, and only when the status really changes.
/// The sessions also say which Frontends hold the user's devices, so events addressed to the user
/// (not to a conversation) go out from here: no other grain stays active per connected user.
/// </summary>
internal sealed class PresenceGrain(
    [PersistentState("presence")] IPersistentState<PresenceRecord> record,
    UserProfileStore profiles,
    FrontendStreams streams,
    TimeProvider time) : Grain, IPresenceGrain
{
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    // Connections that ended, until a lease would have lapsed: a renewal snapshotted before the
    // disconnect must not bring them back. Null while there are none, like the record lock until
    // first needed: a presence grain lives as long as its user is connected.
    private Dictionary<string, DateTimeOffset>? _ended;
    private SemaphoreSlim? _recordLock;
    private FrontendLeases _watchers = null!;
    private DateTimeOffset? _offlineDueAt;
    private string _published = PresenceStatuses.Offline;

    private Guid UserId => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _watchers = new FrontendLeases(streams, time);
        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(LeaseTimings.PresenceSweep, LeaseTimings.PresenceSweep) { Interleave = false });
        return Task.CompletedTask;
    }

    public Task ConnectAsync(Guid frontendId, string connectionId)
    {
        _sessions[connectionId] = new Session(frontendId, time.GetUtcNow() + LeaseTimings.FrontendLease, Idle: false);
        return EvaluateAsync();
    }

    public Task DisconnectAsync(string connectionId)
    {
        _sessions.Remove(connectionId);
        (_ended ??= new(StringComparer.Ordinal))[connectionId] = time.GetUtcNow() + LeaseTimings.FrontendLease;
        return EvaluateAsync();
    }

    public Task RenewAsync(Guid frontendId, IReadOnlyList<string> connectionIds)
    {
        var expiresAt = time.GetUtcNow() + LeaseTimings.FrontendLease;
        foreach (var connectionId in connectionIds)
        {
            if (_ended?.ContainsKey(connectionId) == true)
            {
                continue;
            }

            _sessions[connectionId] = _sessions.TryGetValue(connectionId, out var session)
                ? session with { ExpiresAt = expiresAt }
                : new Session(frontendId, expiresAt, Idle: false);
        }

        return EvaluateAsync();
    }

    public async Task SetStatusAsync(string status)
    {
        if (!PresenceStatuses.IsSettable(status))
        {
            throw ChatException.BadRequest("status must be online, away or dnd");
        }

        await UpdateRecordAsync(r => r.ManualStatus = status == PresenceStatuses.Online ? null : status);
        await EvaluateAsync();
    }

    public Task SetIdleAsync(string connectionId, bool idle)
    {
        if (_sessions.TryGetValue(connectionId, out var session))
        {
            _sessions[connectionId] = session with { Idle = idle };
        }

        return EvaluateAsync();
    }

    public async Task<IReadOnlyList<PresenceChangedEvent>> WatchAsync(Guid viewerId, Guid frontendId)
    {
        var policy = await PolicyAsync();
        if (!await MayWatchAsync(viewerId, policy))
        {
            return [];
        }

        _watchers.Renew(frontendId);
        var showLastSeen = viewerId == UserId || policy.LastSeenAudience switch
        {
            PrivacyAudiences.Everyone => true,
            PrivacyAudiences.Contacts => await profiles.AreContactsAsync(UserId, viewerId),
            _ => false,
        };
        return [Current(showLastSeen)];
    }

    // A change of the policy makes the Frontends ask again about each of their watchers before they relay anything newer.
    public async Task SetWatchPolicyAsync(WatchPolicy policy)
    {
        if (record.State.Policy is { } current && current.LastSeenAudience == policy.LastSeenAudience && current.Blocked.SetEquals(policy.Blocked))
        {
            return;
        }

        await UpdateRecordAsync(r => r.Policy = policy);
        await _watchers.PublishAsync(EventAudience.PresenceWatchers, UserId, new PresenceAccessChangedEvent(UserId));
    }

    /// <summary>
    /// Whether the viewer sees the user's presence at all: only someone the user let near (a direct chat
    /// they opened, wrote in or accepted, a saved contact, or a shared group), never a stranger, and
    /// nobody across a block either way. Last seen on top of that follows the lastSeen setting.
    /// </summary>
    private async Task<bool> MayWatchAsync(Guid viewerId, WatchPolicy policy) =>
        viewerId == UserId || (!policy.Blocked.Contains(viewerId) && await profiles.IsAcquaintedAsync(UserId, viewerId));

    // The live sessions name the Frontends holding the user's devices: one event to each.
    public Task NotifyAsync(ClientEvent clientEvent)
    {
        var now = time.GetUtcNow();
        var envelope = new FrontendEnvelope(EventAudience.User, UserId, clientEvent);
        return Task.WhenAll(_sessions.Values.Where(s => s.ExpiresAt >= now).Select(s => s.FrontendId).Distinct()
            .Select(frontendId => streams.PublishAsync(frontendId, envelope)));
    }

    public Task RenewWatchAsync(Guid frontendId)
    {
        _watchers.Renew(frontendId);
        return Task.CompletedTask;
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lapsedSessions = _sessions.Where(s => s.Value.ExpiresAt < now).Select(s => s.Key).ToList();
        foreach (var lapsed in lapsedSessions)
        {
            _sessions.Remove(lapsed);
        }

        // A lapsed lease means its Frontend died a lease period ago: no reconnect grace on top of that,
        // which would also put the offline a sweep or two past the 60 s bound.
        if (lapsedSessions.Count > 0 && _sessions.Count == 0)
        {
            _offlineDueAt = now;
        }

        if (_ended is not null)
        {
            foreach (var expired in _ended.Where(e => e.Value < now).Select(e => e.Key).ToList())
            {
                _ended.Remove(expired);
            }

            if (_ended.Count == 0)
            {
                _ended = null;
            }
        }

        await EvaluateAsync();
        if (_sessions.Count == 0 && _offlineDueAt is null && _watchers.Count == 0 && _ended is null)
        {
            DeactivateOnIdle();
        }
    }

    private async Task EvaluateAsync()
    {
        var now = time.GetUtcNow();
        string status;
        if (_sessions.Count > 0)
        {
            _offlineDueAt = null;
            status = record.State.ManualStatus ?? (_sessions.Values.All(s => s.Idle) ? PresenceStatuses.Away : PresenceStatuses.Online);
        }
        else if (_published == PresenceStatuses.Offline)
        {
            return;
        }
        else
        {
            _offlineDueAt ??= now + LeaseTimings.PresenceGrace;
            if (now < _offlineDueAt)
            {
                return;
            }

            status = PresenceStatuses.Offline;
            _offlineDueAt = null;
            await UpdateRecordAsync(r => r.LastSeen = now);
        }

        if (status != _published)
        {
            _published = status;
            await PublishAsync();
        }
    }

    // Watchers whose privacy view differs get lastSeen only through WatchAsync; events carry it
    // only when the user shows it to everyone (every watcher the Frontends relay to was let in above).
    private async Task PublishAsync()
    {
        if (_watchers.Count == 0)
        {
            return;
        }

        var policy = await PolicyAsync();
        await _watchers.PublishAsync(EventAudience.PresenceWatchers, UserId, Current(policy.LastSeenAudience == PrivacyAudiences.Everyone));
    }

    // Asked of the user grain once per user, ever; after that the user grain keeps the copy in step.
    // The user grain may push a newer policy while this waits for its answer (the push interleaves),
    // and then the pushed one stands.
    private async Task<WatchPolicy> PolicyAsync()
    {
        if (record.State.Policy is { } known)
        {
            return known;
        }

        var fetched = await GrainFactory.Reference<IUserGrain>(UserId).GetWatchPolicyAsync();
        await UpdateRecordAsync(r => r.Policy ??= fetched);
        return record.State.Policy ?? fetched;
    }

    // Policy pushes interleave with other calls, so every change of the record is written under one lock.
    private async Task UpdateRecordAsync(Action<PresenceRecord> change)
    {
        // Made inside the turn, so two interleaved calls cannot each make their own.
        var recordLock = _recordLock ??= new SemaphoreSlim(1, 1);
        await recordLock.WaitAsync();
        try
        {
            change(record.State);
            await record.WriteStateAsync();
        }
        finally
        {
            recordLock.Release();
        }
    }

    private PresenceChangedEvent Current(bool showLastSeen) =>
        new(UserId, _published, _published == PresenceStatuses.Offline && showLastSeen ? record.State.LastSeen : null);

    private sealed record Session(Guid FrontendId, DateTimeOffset ExpiresAt, bool Idle);
}
