using Chat.Realtime;

namespace Chat.Realtime;

/// <summary>
/// The Frontends that asked for a grain's events, each until its lease runs out. A grain publishes
/// one event per live Frontend, so fan-out cost follows Frontends with someone online, not members.
/// Held in memory on purpose: Frontends renew often, so a reactivated grain learns them again.
/// </summary>
internal sealed class FrontendLeases(FrontendStreams streams, TimeProvider time)
{
    private readonly Dictionary<Guid, DateTimeOffset> _leases = [];

    public int Count => _leases.Count;

    public void Renew(Guid frontendId)
    {
        _leases[frontendId] = time.GetUtcNow() + LeaseTimings.FrontendLease;
    }

    public void Remove(Guid frontendId) => _leases.Remove(frontendId);

    /// <summary>Publishes to every Frontend whose lease is live, dropping the lapsed ones; <paramref name="exceptUserIds"/> are left out of the audience.</summary>
    public Task PublishAsync(EventAudience audience, Guid audienceId, ClientEvent clientEvent, IReadOnlyList<Guid>? exceptUserIds = null)
    {
        if (_leases.Count == 0)
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        var envelope = new FrontendEnvelope(audience, audienceId, clientEvent) { ExceptUserIds = exceptUserIds };
        List<Task>? sends = null;
        List<Guid>? lapsed = null;
        foreach (var (frontendId, expiresAt) in _leases)
        {
            if (expiresAt < now)
            {
                (lapsed ??= []).Add(frontendId);
                continue;
            }

            (sends ??= []).Add(streams.PublishAsync(frontendId, envelope));
        }

        lapsed?.ForEach(id => _leases.Remove(id));
        return sends is null ? Task.CompletedTask : Task.WhenAll(sends);
    }
}
