using System.Text.Json;

namespace Chat.LoadTest;

/// <summary>Why a user's presence changed, which decides what its latency is measured from.</summary>
internal enum ChangeKind
{
    /// <summary>SetPresence away/dnd/online: from the invocation.</summary>
    Manual,

    /// <summary>The last connection closed: from the close, so it includes the server's 5 s grace and its sweep.</summary>
    Offline,

    /// <summary>The user connected again after going offline: from the start of the connect.</summary>
    Online,
}

/// <summary>One presence change of one user, and which of its watchers must see it.</summary>
internal sealed class PresenceChange(int user, string status, ChangeKind kind, long at, bool[] expected, int[] epochs)
{
    public int User { get; } = user;
    public string Status { get; } = status;
    public ChangeKind Kind { get; } = kind;
    public long At { get; set; } = at;

    /// <summary>By watcher slot: watcher <c>user-1-slot</c> was connected and watching when the change was made.</summary>
    public bool[] Expected { get; } = expected;

    /// <summary>By slot: the watcher's watch epoch at the change; a watcher that re-watched since is excused a missing receipt.</summary>
    public int[] Epochs { get; } = epochs;

    public int ExpectedCount { get; } = expected.Count(e => e);
    public int[] Got { get; } = new int[expected.Length];
    public int Received;

}

/// <summary>A change some watchers never got: when it was made (s into the run), how many got it, what the others show now, and the user's changes before and after it.</summary>
internal sealed record LostChange(ChangeKind Kind, string Status, int User, Guid UserId, double AtSeconds, int Expected, int Received, int Lost,
    IReadOnlyDictionary<string, int> MissingWatchersShow, string? Before, string? After);

/// <summary>
/// What every watcher has seen: user <c>w</c> watches users <c>w+1 .. w+W</c> (mod N), so user
/// <c>u</c> sits in slot <c>s</c> of watcher <c>u-1-s</c>. Each PresenceChanged is matched to the
/// change being made to that user; anything else is a duplicate (the status the watcher already
/// had) or unexpected (a status nobody set, e.g. an offline/online pair for a reconnect inside the grace).
/// </summary>
internal sealed class PresenceLedger
{
    private readonly Dictionary<Guid, int> _indexOf;
    private readonly string?[][] _views;
    private readonly bool[] _watching;
    private readonly int[] _epochs;
    private readonly PresenceChange?[] _pending;
    private readonly long[] _quietUntil;
    private readonly Lock[] _locks;

    public PresenceLedger(IReadOnlyList<StoredUser> users, int watch)
    {
        Count = users.Count;
        Watch = watch;
        _indexOf = users.Select((u, i) => (u.UserId, i)).ToDictionary(p => p.UserId, p => p.i);
        _views = [.. Enumerable.Range(0, Count).Select(_ => new string?[watch])];
        _watching = new bool[Count];
        _epochs = new int[Count];
        _pending = new PresenceChange?[Count];
        _quietUntil = new long[Count];
        _locks = [.. Enumerable.Range(0, Count).Select(_ => new Lock())];
        UserIds = [.. users.Select(u => u.UserId)];
    }

    public int Count { get; }
    public int Watch { get; }
    public Guid[] UserIds { get; }

    public LatencyRecorder ManualLatency { get; } = new();
    public LatencyRecorder OnlineLatency { get; } = new();
    public LatencyRecorder OfflineLatency { get; } = new();

    /// <summary>Counting starts with the measured phase; before it events only update the views.</summary>
    public bool Measuring
    {
        get;
        set
        {
            field = value;
            MeasureStart = LatencyRecorder.Now;
        }
    }

    public long MeasureStart { get; private set; }

    public long Delivered;
    public long Duplicates;
    public long Unexpected;
    public long Flaps;
    public long NotExpectedReceipts;
    public long Unwatched;

    public List<Guid> WatchedBy(int watcher) => [.. Enumerable.Range(1, Watch).Select(d => UserIds[(watcher + d) % Count])];

    public int WatcherOf(int user, int slot) => ((user - 1 - slot) % Count + Count) % Count;

    /// <summary>The status watcher <paramref name="watcher"/> last saw for the user in <paramref name="slot"/>.</summary>
    public string? View(int watcher, int slot)
    {
        lock (_locks[watcher])
        {
            return _views[watcher][slot];
        }
    }

    /// <summary>
    /// A watcher that stops (to reconnect) starts a new epoch: a change made while it was away, or
    /// published between its stop and its new WatchPresence answer, is in that answer, not an event.
    /// </summary>
    public void SetWatching(int watcher, bool watching)
    {
        if (!watching)
        {
            Interlocked.Increment(ref _epochs[watcher]);
        }

        Volatile.Write(ref _watching[watcher], watching);
    }

    /// <summary>Expected receipts of the change not yet received, leaving out watchers that re-watched since (<paramref name="excused"/>).</summary>
    public int Outstanding(PresenceChange change, out int excused, Dictionary<string, int>? missingShow = null)
    {
        var outstanding = 0;
        excused = 0;
        for (var slot = 0; slot < Watch; slot++)
        {
            if (!change.Expected[slot] || Volatile.Read(ref change.Got[slot]) == 1)
            {
                continue;
            }

            var watcher = WatcherOf(change.User, slot);
            if (Volatile.Read(ref _epochs[watcher]) != change.Epochs[slot])
            {
                excused++;
                continue;
            }

            outstanding++;
            if (missingShow is not null)
            {
                var view = View(watcher, slot) ?? "nothing";
                missingShow[view] = missingShow.GetValueOrDefault(view) + 1;
            }
        }

        return outstanding;
    }

    public int Outstanding(PresenceChange change) => Outstanding(change, out _);

    /// <summary>Takes a WatchPresence answer as the watcher's view; returns how many of its users were answered and how many of those were offline.</summary>
    public (int Answered, int Offline) ApplyWatchAnswer(int watcher, IReadOnlyList<JsonElement> answer)
    {
        var answered = 0;
        var offline = 0;
        lock (_locks[watcher])
        {
            Array.Clear(_views[watcher]);
            foreach (var item in answer)
            {
                if (Locate(watcher, item) is not var (_, slot, status))
                {
                    continue;
                }

                _views[watcher][slot] = status;
                answered++;
                offline += status == "offline" ? 1 : 0;
            }
        }

        SetWatching(watcher, true);
        return (answered, offline);
    }

    /// <summary>Starts a change of <paramref name="user"/>: every watcher connected and watching now must receive it.</summary>
    public PresenceChange Begin(int user, string status, ChangeKind kind)
    {
        var expected = new bool[Watch];
        var epochs = new int[Watch];
        for (var slot = 0; slot < Watch; slot++)
        {
            var watcher = WatcherOf(user, slot);
            epochs[slot] = Volatile.Read(ref _epochs[watcher]);
            expected[slot] = Volatile.Read(ref _watching[watcher]);
        }

        var change = new PresenceChange(user, status, kind, LatencyRecorder.Now, expected, epochs);
        Volatile.Write(ref _pending[user], change);
        return change;
    }

    /// <summary>No event for the user may arrive until then: a reconnect inside the grace period is no change.</summary>
    public void ExpectQuiet(int user, TimeSpan window) =>
        Volatile.Write(ref _quietUntil[user], LatencyRecorder.Now + (long)(window.TotalSeconds * System.Diagnostics.Stopwatch.Frequency));

    public void OnPresenceChanged(int watcher, JsonElement payload)
    {
        var now = LatencyRecorder.Now;
        if (Locate(watcher, payload) is not var (user, slot, status))
        {
            Interlocked.Increment(ref Unwatched);
            return;
        }

        string? before;
        lock (_locks[watcher])
        {
            before = _views[watcher][slot];
            _views[watcher][slot] = status;
        }

        if (!Measuring)
        {
            return;
        }

        Interlocked.Increment(ref Delivered);
        if (now < Volatile.Read(ref _quietUntil[user]))
        {
            Interlocked.Increment(ref Flaps);
            return;
        }

        var change = Volatile.Read(ref _pending[user]);
        if (change is not null && change.Status == status && now >= change.At)
        {
            if (!change.Expected[slot])
            {
                Interlocked.Increment(ref NotExpectedReceipts);
            }
            else if (Interlocked.Exchange(ref change.Got[slot], 1) == 0)
            {
                Interlocked.Increment(ref change.Received);
                var recorder = change.Kind switch
                {
                    ChangeKind.Manual => ManualLatency,
                    ChangeKind.Online => OnlineLatency,
                    _ => OfflineLatency,
                };
                recorder.Record(change.At, now);
            }
            else
            {
                Interlocked.Increment(ref Duplicates);
            }
        }
        else if (before == status)
        {
            Interlocked.Increment(ref Duplicates);
        }
        else
        {
            Interlocked.Increment(ref Unexpected);
        }
    }

    /// <summary>The user an event is about, the watcher's slot for them and the status; null when the watcher does not watch them.</summary>
    private (int User, int Slot, string Status)? Locate(int watcher, JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("userId", out var id) || !id.TryGetGuid(out var userId) || !_indexOf.TryGetValue(userId, out var user)
            || !payload.TryGetProperty("status", out var status) || status.GetString() is not { } text)
        {
            return null;
        }

        var slot = ((user - watcher - 1) % Count + Count) % Count;
        return slot < Watch ? (user, slot, text) : null;
    }
}
