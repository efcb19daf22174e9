using Chat.Realtime;

namespace Chat.Presence;

/// <summary>
/// One user's presence across devices. Each connected device is a leased session that its
/// Frontend renews in batches; a Frontend that dies stops renewing and its sessions lapse.
/// </summary>
[Alias("chat.presence")]
public interface IPresenceGrain : IGrainWithGuidKey
{
    [Alias("connect")]
    Task ConnectAsync(Guid frontendId, string connectionId);

    [Alias("disconnect")]
    Task DisconnectAsync(string connectionId);

    /// <summary>Renews the leases of this user's sessions on one Frontend, re-creating any the grain lost.</summary>
    [Alias("renew")]
    Task RenewAsync(Guid frontendId, IReadOnlyList<string> connectionIds);

    /// <summary>Sets away or do-not-disturb by hand; "online" clears it.</summary>
    [Alias("set-status")]
    Task SetStatusAsync(string status);

    /// <summary>A device reports it has been idle (or is active again); all devices idle means away.</summary>
    [Alias("set-idle")]
    Task SetIdleAsync(string connectionId, bool idle);

    /// <summary>The current presence if the viewer may see it (none for a stranger or across a block; lastSeen as the setting shows it to them), registering the viewer's Frontend for changes.</summary>
    [Alias("watch")]
    Task<IReadOnlyList<PresenceChangedEvent>> WatchAsync(Guid viewerId, Guid frontendId);

    /// <summary>The user changed their last-seen audience or blocks; watchers are answered by this from now on.</summary>
    [Alias("set-watch-policy"), AlwaysInterleave]
    Task SetWatchPolicyAsync(WatchPolicy policy);

    /// <summary>Delivers an event to every connected device of this user (one event per Frontend holding a session).</summary>
    [Alias("notify"), AlwaysInterleave]
    Task NotifyAsync(ClientEvent clientEvent);

    [Alias("renew-watch"), AlwaysInterleave]
    Task RenewWatchAsync(Guid frontendId);
}
