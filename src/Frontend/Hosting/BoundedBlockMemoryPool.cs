using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Chat.Frontend.Hosting;

/// <summary>
/// Kestrel's socket buffers: 4 KB blocks like Kestrel's own pool, but the memory kept for reuse
/// follows recent demand and what is not kept goes back to the operating system.
/// <list type="bullet">
/// <item>Every <see cref="TrimInterval"/> the resident free blocks are cut to what the busiest
/// moment of the last interval had rented: sustained traffic never allocates, while a burst's
/// leftovers are released within two intervals. Kestrel's pool, while any traffic goes on,
/// evicts about 1 % of its free blocks per 10 s: 10,000 clients reconnecting at once (a deploy, a
/// Frontend restart) left 11,600 free blocks, 4.8 KB per connected user, for hours.</item>
/// <item>Released blocks are not dropped: their pages go back to the operating system and they wait
/// for reuse at the same address. Dropped blocks stayed in the GC's pinned heap until the next
/// full collection (42 MB after a 10,000-client connect storm), which may be hours away.</item>
/// <item>Blocks are page-aligned slices of pinned arrays of <see cref="BlocksPerChunk"/> pages.
/// Slices of arrays, not native memory: Kestrel's socket sender needs array-backed buffers.</item>
/// </list>
/// </summary>
internal sealed unsafe class BoundedBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = PageRelease.PageSize;
    public static readonly TimeSpan TrimInterval = TimeSpan.FromSeconds(5);

    private const int BlocksPerChunk = 64;

    private readonly ConcurrentQueue<Block> _resident = new();
    private readonly ConcurrentQueue<Block> _released = new();
    private readonly List<byte[]> _chunks = [];
    private readonly Lock _growing = new();
    private readonly int _maxResidentFreeBlocks;
    private readonly ITimer? _trimTimer;
    private int _residentCount;
    private int _rented;
    private int _peakRented;
    private volatile bool _disposed;

    /// <param name="maxFreeBlocks">A hard bound on the resident free blocks, whatever the demand.</param>
    /// <param name="time">Runs the trim; null leaves trimming to <see cref="Trim"/> (tests).</param>
    public BoundedBlockMemoryPool(int maxFreeBlocks, TimeProvider? time = null)
    {
        _maxResidentFreeBlocks = maxFreeBlocks;
        _trimTimer = time?.CreateTimer(_ => Trim(), null, TrimInterval, TrimInterval);
    }

    public override int MaxBufferSize => BlockSize;

    /// <summary>How many free blocks keep their memory for reuse.</summary>
    public int FreeBlocks => Volatile.Read(ref _residentCount);

    /// <summary>How many blocks exist at all, rented, resident or released.</summary>
    public int AllocatedBlocks
    {
        get
        {
            lock (_growing)
            {
                return _chunks.Count * BlocksPerChunk;
            }
        }
    }

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var rented = Interlocked.Increment(ref _rented);
        if (rented > Volatile.Read(ref _peakRented))
        {
            // A lost race only understates the peak by a block or two.
            Volatile.Write(ref _peakRented, rented);
        }

        if (_resident.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _residentCount);
            return block;
        }

        return _released.TryDequeue(out block) ? block : Grow();
    }

    /// <summary>Cuts the resident free blocks to the last interval's peak demand (beyond the blocks still out) and starts a new interval.</summary>
    public void Trim()
    {
        var rented = Volatile.Read(ref _rented);
        var peak = Interlocked.Exchange(ref _peakRented, rented);
        var keep = Math.Max(0, peak - rented);
        while (Volatile.Read(ref _residentCount) > keep && _resident.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _residentCount);
            Release(block);
        }
    }

    private Block Grow()
    {
        lock (_growing)
        {
            // Another renter may have grown the pool while this one waited.
            if (_released.TryDequeue(out var waiting))
            {
                return waiting;
            }

            // One page more than the blocks, to start the first block on a page boundary.
            var chunk = GC.AllocateUninitializedArray<byte>((BlocksPerChunk + 1) * BlockSize, pinned: true);
            _chunks.Add(chunk);
            var start = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(chunk));
            var offset = (int)((BlockSize - ((nint)start % BlockSize)) % BlockSize);
            // All but the first block start out released: the GC may hand out memory it has touched before.
            PageRelease.Release(start + offset + BlockSize, (BlocksPerChunk - 1) * BlockSize);
            for (var i = 1; i < BlocksPerChunk; i++)
            {
                _released.Enqueue(new Block(this, chunk, offset + (i * BlockSize)));
            }

            return new Block(this, chunk, offset);
        }
    }

    private void Release(Block block)
    {
        PageRelease.Release(block.Start, BlockSize);
        _released.Enqueue(block);
    }

    private void Return(Block block)
    {
        Interlocked.Decrement(ref _rented);
        if (_disposed)
        {
            return;
        }

        if (Interlocked.Increment(ref _residentCount) > _maxResidentFreeBlocks)
        {
            Interlocked.Decrement(ref _residentCount);
            Release(block);
            return;
        }

        _resident.Enqueue(block);
    }

    protected override void Dispose(bool disposing)
    {
        // Blocks still out keep their chunk alive until they are dropped.
        _disposed = true;
        _trimTimer?.Dispose();
        _resident.Clear();
        _released.Clear();
        lock (_growing)
        {
            _chunks.Clear();
        }
    }

    /// <summary>One page of a chunk. The chunk is pinned, so the page's address never changes.</summary>
    private sealed class Block(BoundedBlockMemoryPool pool, byte[] chunk, int offset) : IMemoryOwner<byte>
    {
        public Memory<byte> Memory { get; } = MemoryMarshal.CreateFromPinnedArray(chunk, offset, BlockSize);

        public byte* Start => (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(chunk)) + offset;

        public void Dispose() => pool.Return(this);
    }
}
