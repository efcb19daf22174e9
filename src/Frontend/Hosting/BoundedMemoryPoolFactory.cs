using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace Chat.Frontend.Hosting;

/// <summary>Gives Kestrel (which takes its pools from this service) <see cref="BoundedBlockMemoryPool"/>s.</summary>
internal sealed class BoundedMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    // Kestrel makes one pool per socket I/O queue (one per core, at most 16). 512 free blocks (2 MB)
    // each cover the in-flight sends of the message benchmark with room to spare.
    public const int MaxFreeBlocksPerPool = 512;

    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new BoundedBlockMemoryPool(MaxFreeBlocksPerPool);
}
