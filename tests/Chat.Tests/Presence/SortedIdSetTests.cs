using Chat.Frontend.Realtime;

namespace Chat.Tests.Presence;

public sealed class SortedIdSetTests
{
    [Fact]
    public void Behaves_as_a_set_through_random_adds_and_removes()
    {
        var random = new Random(20261124);
        var pool = Enumerable.Range(0, 300).Select(_ => Guid.NewGuid()).ToArray();
        var set = new SortedIdSet<Guid>();
        var reference = new HashSet<Guid>();

        for (var step = 0; step < 20_000; step++)
        {
            var id = pool[random.Next(pool.Length)];
            if (random.Next(3) == 0)
            {
                Assert.Equal(reference.Remove(id), set.Remove(id));
            }
            else
            {
                Assert.Equal(reference.Add(id), set.Add(id));
            }

            Assert.Equal(reference.Count, set.Count);
        }

        Assert.Equal(reference.Order(), set.AsSpan().ToArray());
        Assert.All(pool, id => Assert.Equal(reference.Contains(id), set.Contains(id)));
    }

    [Fact]
    public void Keeps_little_slack_after_growing()
    {
        var set = new SortedIdSet<Guid>();
        for (var i = 0; i < 50; i++)
        {
            set.Add(Guid.NewGuid());
        }

        // The point of the type: 50 watchers cost ~50 ids, not a hash set's 89 slots plus buckets.
        var capacity = typeof(SortedIdSet<Guid>).GetField("_items", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        Assert.InRange(((Guid[])capacity.GetValue(set)!).Length, 50, 57);
    }
}
