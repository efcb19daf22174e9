using System.Buffers;
using Chat.Frontend.Hosting;

namespace Chat.Tests.Foundation;

public sealed class BoundedBlockMemoryPoolTests
{
    [Fact]
    public void Keeps_at_most_its_bound_of_free_blocks_and_reuses_them()
    {
        using var pool = new BoundedBlockMemoryPool(maxFreeBlocks: 8);
        var burst = Enumerable.Range(0, 100).Select(_ => pool.Rent()).ToList();
        Assert.All(burst, block => Assert.Equal(BoundedBlockMemoryPool.BlockSize, block.Memory.Length));

        var allocated = pool.AllocatedBlocks;
        burst.ForEach(block => block.Dispose());
        Assert.Equal(8, pool.FreeBlocks);
        Assert.Equal(allocated, pool.AllocatedBlocks);

        var reused = pool.Rent();
        Assert.Contains(reused, burst);
        Assert.Equal(7, pool.FreeBlocks);
    }

    [Fact]
    public void A_bursts_leftovers_go_within_two_trims_while_steady_demand_keeps_its_blocks()
    {
        using var pool = new BoundedBlockMemoryPool(maxFreeBlocks: 1000);
        RentAndReturn(pool, 300);
        pool.Trim();
        Assert.Equal(300, pool.FreeBlocks);

        // The next interval only ever needs 20 at once: that is what stays.
        RentAndReturn(pool, 20);
        pool.Trim();
        Assert.Equal(20, pool.FreeBlocks);

        RentAndReturn(pool, 20);
        pool.Trim();
        Assert.Equal(20, pool.FreeBlocks);

        pool.Trim();
        Assert.Equal(0, pool.FreeBlocks);
    }

    [Fact]
    public void A_trimmed_block_gives_its_page_back_and_is_reused_from_the_same_address()
    {
        Assert.True(PageRelease.Supported, "pages go back to the OS on Linux, which Chat Grid runs on");
        using var pool = new BoundedBlockMemoryPool(maxFreeBlocks: 8);
        var block = pool.Rent();
        block.Memory.Span.Fill(0xAB);
        block.Dispose();

        pool.Trim();
        pool.Trim();
        Assert.Equal(0, pool.FreeBlocks);

        // A page handed back reads as fresh zeroes: its old contents left the process.
        var allocated = pool.AllocatedBlocks;
        var again = Enumerable.Range(0, allocated).Select(_ => pool.Rent()).Single(b => ReferenceEquals(b, block));
        Assert.True(again.Memory.Span.IndexOfAnyExcept((byte)0) < 0);
        Assert.Equal(allocated, pool.AllocatedBlocks);
    }

    [Fact]
    public void A_disposed_pool_refuses_to_rent_and_lets_go_of_its_memory()
    {
        var pool = new BoundedBlockMemoryPool(maxFreeBlocks: 8);
        var outstanding = pool.Rent();
        pool.Dispose();

        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
        Assert.Equal(0, pool.AllocatedBlocks);
        outstanding.Memory.Span.Fill(1);
        outstanding.Dispose();
        Assert.Equal(0, pool.FreeBlocks);
    }

    [Fact]
    public void Refuses_a_request_larger_than_a_block()
    {
        using var pool = new BoundedBlockMemoryPool(maxFreeBlocks: 8);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(BoundedBlockMemoryPool.BlockSize + 1));
        Assert.Equal(0, pool.FreeBlocks);
    }

    private static void RentAndReturn(MemoryPool<byte> pool, int count)
    {
        var blocks = Enumerable.Range(0, count).Select(_ => pool.Rent()).ToList();
        blocks.ForEach(block => block.Dispose());
    }
}
