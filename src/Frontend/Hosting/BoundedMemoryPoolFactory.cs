using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace Chat.Frontend.Hosting;

/// <summary>Gives Kestrel (which takes its pools from this service) <see cref="BoundedBlockMemoryPool"/>s.</summary>
internal sealed class BoundedMemoryPoolFactory(TimeProvider time) : IMemoryPoolFactory<byte>
{
    // Kestrel makes one pool per socket I/O queue (one per core, at most 16). The trim keeps the
    // free list near demand; this bound only caps a pathological burst. A bound of 512 was below
    // what 4,000 msg/s in groups of 10 has out at once, and the pool then allocated and dropped
    // blocks all the time (p99 1.9 s against 0.4 s; docs/benchmarks.md).
    public const int MaxFreeBlocksPerPool = 8192;

    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new BoundedBlockMemoryPool(MaxFreeBlocksPerPool, time);
}
