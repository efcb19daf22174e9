namespace Chat.Frontend.Realtime;

/// <summary>Which local users watch whose presence, so a presence change reaches exactly its local watchers.</summary>
public sealed class LocalWatchers
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, SortedGuidSet> _viewersByWatched = [];
    private readonly Dictionary<Guid, SortedGuidSet> _watchedByViewer = [];

    /// <summary>Records what one <c>WatchPresence</c> call added.</summary>
    public void Watch(Guid viewerId, IReadOnlyCollection<Guid> watchedIds)
    {
        if (watchedIds.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (!_watchedByViewer.TryGetValue(viewerId, out var watched))
            {
                _watchedByViewer[viewerId] = watched = new SortedGuidSet(watchedIds.Count);
            }

            foreach (var watchedId in watchedIds)
            {
                if (!watched.Add(watchedId))
                {
                    continue;
                }

                if (!_viewersByWatched.TryGetValue(watchedId, out var viewers))
                {
                    _viewersByWatched[watchedId] = viewers = new SortedGuidSet();
                }

                viewers.Add(viewerId);
            }
        }
    }

    /// <summary>The viewer's last connection closed: stop relaying to them.</summary>
    public void Forget(Guid viewerId)
    {
        lock (_lock)
        {
            if (!_watchedByViewer.Remove(viewerId, out var watched))
            {
                return;
            }

            foreach (var watchedId in watched.AsSpan())
            {
                if (_viewersByWatched.TryGetValue(watchedId, out var viewers) && viewers.Remove(viewerId) && viewers.Count == 0)
                {
                    _viewersByWatched.Remove(watchedId);
                }
            }
        }
    }

    public IReadOnlyList<Guid> ViewersOf(Guid watchedId)
    {
        lock (_lock)
        {
            return _viewersByWatched.TryGetValue(watchedId, out var viewers) ? viewers.ToArray() : [];
        }
    }

    public Guid[] Watched()
    {
        lock (_lock)
        {
            return [.. _viewersByWatched.Keys];
        }
    }
}
