using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace Chat.Frontend.Hosting;

/// <summary>Gives Kestrel (which takes its pools from this service) <see cref="BoundedBlockMemoryPool"/>s.</summary>
internal sealed class BoundedMemoryPoolFactory(TimeProvider time) : IMemoryPoolFactory<byte>
{
    // Kestrel makes one pool per socket I/O queue (one per core, at most 16). 4,000 msg/s in groups
    // of 10 needs more than 1,024 blocks out at once: a bound of 512 made it allocate and drop blocks
    // all the time (p99 1.9 s against 0.3 s; docs/benchmarks.md).
    public const int MaxFreeBlocksPerPool = 8192;

    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new BoundedBlockMemoryPool(MaxFreeBlocksPerPool, time);
}
