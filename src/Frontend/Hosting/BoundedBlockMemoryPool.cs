using System.Buffers;
using System.Collections.Concurrent;
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
/// <item>Blocks are pages of native memory, not pinned arrays. Dropped pinned arrays stayed in the
/// GC's pinned heap until the next full collection (42 MB after a 10,000-client connect storm);
/// a released page leaves the process's memory at once and keeps its address for reuse.</item>
/// </list>
/// </summary>
internal sealed unsafe class BoundedBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = PageRelease.PageSize;
    public static readonly TimeSpan TrimInterval = TimeSpan.FromSeconds(5);

    // 256 KB: large enough for the allocator to map each chunk on its own.
    private const int BlocksPerChunk = 64;

    private readonly ConcurrentQueue<Block> _resident = new();
    private readonly ConcurrentQueue<Block> _released = new();
    private readonly List<nint> _chunks = [];
    private readonly Lock _growing = new();
    private readonly int _maxResidentFreeBlocks;
    private readonly ITimer? _trimTimer;
    private int _residentCount;
    private int _rented;
    private int _peakRented;
    private int _disposed;
    private int _chunksFreed;

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
        // Counted before the disposed check, so that Dispose either sees this block out or makes it throw.
        var rented = Interlocked.Increment(ref _rented);
        if (Volatile.Read(ref _disposed) != 0)
        {
            Interlocked.Decrement(ref _rented);
            throw new ObjectDisposedException(nameof(BoundedBlockMemoryPool));
        }

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

            // Fresh pages are not resident until first written: the new chunk starts out released.
            var chunk = (byte*)NativeMemory.AlignedAlloc(BlocksPerChunk * BlockSize, BlockSize);
            _chunks.Add((nint)chunk);
            for (var i = 1; i < BlocksPerChunk; i++)
            {
                _released.Enqueue(new Block(this, chunk + (i * BlockSize)));
            }

            return new Block(this, chunk);
        }
    }

    private void Release(Block block)
    {
        PageRelease.Release(block.Start, BlockSize);
        _released.Enqueue(block);
    }

    private void Return(Block block)
    {
        var stillOut = Interlocked.Decrement(ref _rented);
        if (Volatile.Read(ref _disposed) != 0)
        {
            if (stillOut == 0)
            {
                FreeChunks();
            }

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
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _trimTimer?.Dispose();
        // Memory still rented is freed when the last of it comes back.
        if (Volatile.Read(ref _rented) == 0)
        {
            FreeChunks();
        }
    }

    private void FreeChunks()
    {
        if (Interlocked.Exchange(ref _chunksFreed, 1) != 0)
        {
            return;
        }

        _resident.Clear();
        _released.Clear();
        lock (_growing)
        {
            _chunks.ForEach(chunk => NativeMemory.AlignedFree((void*)chunk));
            _chunks.Clear();
        }
    }

    /// <summary>One page of a chunk. Native memory never moves, so pinning is free.</summary>
    private sealed class Block(BoundedBlockMemoryPool pool, byte* start) : MemoryManager<byte>
    {
        public byte* Start { get; } = start;

        public override Span<byte> GetSpan() => new(Start, BlockSize);

        public override MemoryHandle Pin(int elementIndex = 0)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)elementIndex, (uint)BlockSize, nameof(elementIndex));
            return new MemoryHandle(Start + elementIndex);
        }

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing) => pool.Return(this);
    }
}
