using Chat.Health;
using Orleans.Concurrency;

namespace Chat.Health;

/// <summary>Answers a ping from whichever silo is nearest; proves a silo is reachable and scheduling work.</summary>
[StatelessWorker]
internal sealed class ClusterHealthGrain(ILocalSiloDetails silo) : Grain, IClusterHealthGrain
{
    public Task<string> PingAsync() => Task.FromResult(silo.SiloAddress.ToString());
}
