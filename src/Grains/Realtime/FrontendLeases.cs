using Chat.Realtime;
using Orleans.Streams;

namespace Chat.Realtime;

/// <summary>
/// The Frontends that asked for a grain's events, each until its lease runs out. A grain publishes
/// one event per live Frontend, so fan-out cost follows Frontends with someone online, not members.
/// Held in memory on purpose: Frontends renew often, so a reactivated grain learns them again.
/// </summary>
internal sealed class FrontendLeases(IStreamProvider streams, TimeProvider time)
{
    private readonly Dictionary<Guid, Lease> _leases = [];

    public int Count => _leases.Count;

    public void Renew(Guid frontendId)
    {
        var expiresAt = time.GetUtcNow() + LeaseTimings.FrontendLease;
        if (_leases.TryGetValue(frontendId, out var lease))
        {
            lease.ExpiresAt = expiresAt;
        }
        else
        {
            _leases[frontendId] = new Lease(streams.GetStream<FrontendEnvelope>(RealtimeStreams.ForFrontend(frontendId)), expiresAt);
        }
    }

    public void Remove(Guid frontendId) => _leases.Remove(frontendId);

    /// <summary>Publishes to every Frontend whose lease is live, dropping the lapsed ones.</summary>
    public Task PublishAsync(EventAudience audience, Guid audienceId, ClientEvent clientEvent)
    {
        if (_leases.Count == 0)
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        var envelope = new FrontendEnvelope(audience, audienceId, clientEvent);
        List<Task>? sends = null;
        List<Guid>? lapsed = null;
        foreach (var (frontendId, lease) in _leases)
        {
            if (lease.ExpiresAt < now)
            {
                (lapsed ??= []).Add(frontendId);
                continue;
            }

            (sends ??= []).Add(lease.Stream.OnNextAsync(envelope));
        }

        lapsed?.ForEach(id => _leases.Remove(id));
        return sends is null ? Task.CompletedTask : Task.WhenAll(sends);
    }

    private sealed class Lease(IAsyncStream<FrontendEnvelope> stream, DateTimeOffset expiresAt)
    {
        public IAsyncStream<FrontendEnvelope> Stream { get; } = stream;
        public DateTimeOffset ExpiresAt { get; set; } = expiresAt;
    }
}
