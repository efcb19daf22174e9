using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Chat.Frontend.Hosting;

/// <summary>
/// Kestrel's socket buffers: 4 KB pinned blocks like Kestrel's own pool, but at most
/// <c>maxFreeBlocks</c> are kept for reuse and the rest go back to the GC. Kestrel's pool keeps
/// every block a burst needed and, while any traffic goes on, evicts about 1 % of them per 10 s:
/// 10,000 clients reconnecting at once (a deploy, a Frontend restart) left 11,600 free blocks behind,
/// 4.8 KB per connected user, for hours (docs/benchmarks.md, issue 5).
/// </summary>
internal sealed class BoundedBlockMemoryPool(int maxFreeBlocks) : MemoryPool<byte>
{
    public const int BlockSize = 4096;

    private readonly ConcurrentQueue<Block> _free = new();
    private int _freeCount;
    private volatile bool _disposed;

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _freeCount);
            return block;
        }

        return new Block(this);
    }

    /// <summary>How many blocks wait for reuse; for tests.</summary>
    public int FreeBlocks => Volatile.Read(ref _freeCount);

    private void Return(Block block)
    {
        if (_disposed || Interlocked.Increment(ref _freeCount) > maxFreeBlocks)
        {
            Interlocked.Decrement(ref _freeCount);
            return;
        }

        _free.Enqueue(block);
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        _free.Clear();
    }

    private sealed class Block(BoundedBlockMemoryPool pool) : IMemoryOwner<byte>
    {
        // Pinned, as Kestrel's are: socket I/O then never pins a buffer per operation.
        public Memory<byte> Memory { get; } =
            MemoryMarshal.CreateFromPinnedArray(GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true), 0, BlockSize);

        public void Dispose() => pool.Return(this);
    }
}
