using Chat.Frontend.Realtime;

namespace Chat.Tests.Presence;

public sealed class LocalWatchersTests
{
    [Fact]
    public void Matches_a_plain_model_through_random_watches_and_forgets_and_holds_nothing_after()
    {
        var random = new Random(7);
        var users = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid()).ToArray();
        var watchers = new LocalWatchers();
        var model = new Dictionary<Guid, HashSet<Guid>>();

        for (var step = 0; step < 3_000; step++)
        {
            var viewer = users[random.Next(users.Length)];
            if (random.Next(4) == 0)
            {
                watchers.Forget(viewer);
                model.Remove(viewer);
            }
            else
            {
                // Users watch themselves too here: a shared number must survive either role ending.
                var watched = Enumerable.Range(0, random.Next(1, 8)).Select(_ => users[random.Next(users.Length)]).Distinct().ToList();
                watchers.Watch(viewer, watched);
                (model.TryGetValue(viewer, out var set) ? set : model[viewer] = []).UnionWith(watched);
            }

            var target = users[random.Next(users.Length)];
            var expected = model.Where(m => m.Value.Contains(target)).Select(m => m.Key).Order();
            Assert.Equal(expected, watchers.ViewersOf(target).Order());
        }

        Assert.Equal(model.Values.SelectMany(s => s).Distinct().Order(), watchers.Watched().Order());
        foreach (var viewer in users)
        {
            watchers.Forget(viewer);
        }

        Assert.Empty(watchers.Watched());
        Assert.Equal(0, watchers.HeldNumbers);
    }
}
