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
            var watchedSet = SetOf(_watchedByViewer, viewerId, out var viewer, watchedIds.Count);
            foreach (var watchedId in watchedIds)
            {
                var viewers = SetOf(_viewersByWatched, watchedId, out var watched);
                if (watchedSet.Add(watched))
                {
                    viewers.Add(viewer);
                }
            }
        }
    }

    /// <summary>The viewer may no longer see the watched user: stop relaying that user's changes to them.</summary>
    public void Unwatch(Guid viewerId, Guid watchedId)
    {
        lock (_lock)
        {
            if (!_numbers.TryFind(viewerId, out var viewer) || !_numbers.TryFind(watchedId, out var watched)
                || !_watchedByViewer.TryGetValue(viewer, out var watchedSet) || !watchedSet.Remove(watched))
            {
                return;
            }

            var viewers = _viewersByWatched[watched];
            viewers.Remove(viewer);
            if (viewers.Count == 0)
            {
                _viewersByWatched.Remove(watched);
                _numbers.Release(watched);
            }

            if (watchedSet.Count == 0)
            {
                _watchedByViewer.Remove(viewer);
                _numbers.Release(viewer);
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

    /// <summary>The user's set in one direction, made (and their number held for it) if it is new there.</summary>
    private SortedIdSet<int> SetOf(Dictionary<int, SortedIdSet<int>> byNumber, Guid userId, out int number, int capacity = 1)
    {
        if (_numbers.TryFind(userId, out number) && byNumber.TryGetValue(number, out var set))
        {
            return set;
        }

        number = _numbers.Hold(userId);
        return byNumber[number] = new SortedIdSet<int>(capacity);
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
