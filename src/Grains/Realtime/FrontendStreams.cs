using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;

namespace Chat.Realtime;

/// <summary>
/// One handle per Frontend's event stream for the whole silo. A grain that asks its stream
/// provider for a stream gets a stream directory of its own (a dictionary per activation,
/// ≈ 0.5 KB for every connected user's presence grain); a handle made outside any grain lands
/// in the silo's shared directory instead, and any grain can publish through it. A handle is kept
/// for every Frontend id the silo has seen (a few hundred bytes each; a restarted Frontend has a
/// new id), as the shared directory keeps them anyway.
/// </summary>
internal sealed class FrontendStreams(IServiceProvider services)
{
    private readonly ConcurrentDictionary<Guid, IAsyncStream<FrontendEnvelope>> _streams = new();
    private readonly Lazy<IStreamProvider> _provider = new(() => services.GetRequiredKeyedService<IStreamProvider>(RealtimeStreams.ProviderName));

    public Task PublishAsync(Guid frontendId, FrontendEnvelope envelope) =>
        _streams.TryGetValue(frontendId, out var stream) ? stream.OnNextAsync(envelope) : PublishToNewAsync(frontendId, envelope);

    private async Task PublishToNewAsync(Guid frontendId, FrontendEnvelope envelope)
    {
        // Off the grain's scheduler: there the handle would go into the calling grain's own directory.
        var stream = await Task.Run(() => _provider.Value.GetStream<FrontendEnvelope>(RealtimeStreams.ForFrontend(frontendId)));
        await _streams.GetOrAdd(frontendId, stream).OnNextAsync(envelope);
    }
}
