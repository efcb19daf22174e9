namespace Chat.Frontend.Realtime;

/// <summary>Which local users watch whose presence, so a presence change reaches exactly its local watchers.</summary>
public sealed class LocalWatchers
{
    private readonly Lock _lock = new();
    private readonly LocalUserNumbers _numbers = new();
    private readonly Dictionary<int, SortedIdSet<int>> _viewersByWatched = [];
    private readonly Dictionary<int, SortedIdSet<int>> _watchedByViewer = [];

    /// <summary>Records what one <c>WatchPresence</c> call added.</summary>
    public void Watch(Guid viewerId, IReadOnlyCollection<Guid> watchedIds)
    {
        if (watchedIds.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (!_numbers.TryFind(viewerId, out var viewer) || !_watchedByViewer.ContainsKey(viewer))
            {
                viewer = _numbers.Hold(viewerId);
                _watchedByViewer[viewer] = new SortedIdSet<int>(watchedIds.Count);
            }

            var watchedSet = _watchedByViewer[viewer];
            foreach (var watchedId in watchedIds)
            {
                var found = _numbers.TryFind(watchedId, out var watched) && _viewersByWatched.ContainsKey(watched);
                if (found && watchedSet.Contains(watched))
                {
                    continue;
                }

                if (!found)
                {
                    watched = _numbers.Hold(watchedId);
                    _viewersByWatched[watched] = new SortedIdSet<int>();
                }

                watchedSet.Add(watched);
                _viewersByWatched[watched].Add(viewer);
            }
        }
    }

    /// <summary>The viewer's last connection closed: stop relaying to them.</summary>
    public void Forget(Guid viewerId)
    {
        lock (_lock)
        {
            if (!_numbers.TryFind(viewerId, out var viewer) || !_watchedByViewer.Remove(viewer, out var watchedSet))
            {
                return;
            }

            foreach (var watched in watchedSet.AsSpan())
            {
                var viewers = _viewersByWatched[watched];
                viewers.Remove(viewer);
                if (viewers.Count == 0)
                {
                    _viewersByWatched.Remove(watched);
                    _numbers.Release(watched);
                }
            }

            _numbers.Release(viewer);
        }
    }

    public IReadOnlyList<Guid> ViewersOf(Guid watchedId)
    {
        lock (_lock)
        {
            if (!_numbers.TryFind(watchedId, out var watched) || !_viewersByWatched.TryGetValue(watched, out var viewers))
            {
                return [];
            }

            var ids = new Guid[viewers.Count];
            var numbers = viewers.AsSpan();
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = _numbers.IdOf(numbers[i]);
            }

            return ids;
        }
    }

    public Guid[] Watched()
    {
        lock (_lock)
        {
            return [.. _viewersByWatched.Keys.Select(_numbers.IdOf)];
        }
    }

    /// <summary>How many user numbers are held; for tests (none once every viewer is forgotten).</summary>
    internal int HeldNumbers
    {
        get
        {
            lock (_lock)
            {
                return _numbers.Count;
            }
        }
    }
}
