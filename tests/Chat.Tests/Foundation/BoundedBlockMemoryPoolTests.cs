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

        burst.ForEach(block => block.Dispose());
        Assert.Equal(8, pool.FreeBlocks);

        var reused = pool.Rent();
        Assert.Contains(reused, burst);
        Assert.Equal(7, pool.FreeBlocks);
    }

    [Fact]
    public void Refuses_a_request_larger_than_a_block()
    {
        using var pool = new BoundedBlockMemoryPool(maxFreeBlocks: 8);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(BoundedBlockMemoryPool.BlockSize + 1));
        Assert.Equal(0, pool.FreeBlocks);
    }
}
