using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.LoadTest;

/// <summary>
/// The presence changes a run makes, and the watching: which user does what, one action per user
/// at a time, each change registered with the ledger before it is made.
/// </summary>
internal sealed class PresenceActions(PresenceLedger ledger, Device[] devices)
{
    /// <summary>The server's grace before offline (5 s) plus its sweep period (5 s), with a margin.</summary>
    private static readonly TimeSpan OfflineWait = TimeSpan.FromSeconds(20);

    /// <summary>How long a change may take to reach its watchers before the missing receipts count as lost.</summary>
    private static readonly TimeSpan ReceiptWait = TimeSpan.FromSeconds(10);

    /// <summary>After a reconnect inside the grace nothing may arrive for this long (grace + sweep + margin).</summary>
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(12);

    private static readonly string[] ManualStatuses = ["away", "dnd"];

    private readonly ConcurrentQueue<PresenceChange> _changes = new();
    private readonly ConcurrentBag<Task> _actions = [];
    private readonly string?[] _manual = new string?[devices.Length];
    private readonly int[] _busy = new int[devices.Length];
    private readonly int[] _stopping = new int[devices.Length];
    private long _failed;
    private long _blips;

    /// <summary>How long the last changes may still take once no new ones start.</summary>
    public static TimeSpan LongestChange => OfflineWait + ReceiptWait;

    public IReadOnlyCollection<PresenceChange> Changes => _changes;

    public long Failed => Interlocked.Read(ref _failed);

    public long Blips => Interlocked.Read(ref _blips);

    public bool AllDone => _actions.All(a => a.IsCompleted);

    /// <summary>The user's connection is being closed on purpose (a reconnect), not lost.</summary>
    public bool IsStopping(int user) => Volatile.Read(ref _stopping[user]) == 1;

    public async Task<(int Answered, int Offline)> WatchAsync(int u)
    {
        var answer = await devices[u].Connection.InvokeAsync<List<JsonElement>>("WatchPresence", ledger.WatchedBy(u));
        return ledger.ApplyWatchAnswer(u, answer);
    }

    /// <summary>
    /// Every 100 ms starts the actions due by then. Of four actions three are SetPresence (one
    /// change each) and one is a disconnect past the grace then a reconnect (two changes: offline,
    /// online); besides, a tenth as many quick reconnects inside the grace, which must show nothing.
    /// </summary>
    public async Task ScheduleAsync(double changesPerSecond, long start, double durationSeconds)
    {
        var end = start + (long)(durationSeconds * Stopwatch.Frequency);
        var budget = 0.0;
        var blipBudget = 0.0;
        var actions = 0L;
        var last = start;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await timer.WaitForNextTickAsync())
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= end)
            {
                return;
            }

            var dt = (now - last) / (double)Stopwatch.Frequency;
            last = now;
            budget += changesPerSecond * dt;
            blipBudget += changesPerSecond * 0.1 * dt;
            while (budget >= 1 && PickIdle() is { } user)
            {
                var reconnect = actions++ % 4 == 3;
                budget -= reconnect ? 2 : 1;
                _actions.Add(Guarded(user, reconnect ? ReconnectAsync : ManualAsync));
            }

            while (blipBudget >= 1 && PickIdle() is { } user)
            {
                blipBudget -= 1;
                _actions.Add(Guarded(user, BlipAsync));
            }
        }
    }

    private int? PickIdle()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var u = Random.Shared.Next(ledger.Count);
            if (Interlocked.CompareExchange(ref _busy[u], 1, 0) == 0)
            {
                return u;
            }
        }

        return null;
    }

    private async Task Guarded(int user, Func<int, Task> action)
    {
        try
        {
            await Task.Yield();
            await action(user);
        }
        catch (Exception ex) when (ex is HubException or InvalidOperationException or IOException or TimeoutException or HttpRequestException)
        {
            if (Interlocked.Increment(ref _failed) <= 5)
            {
                Console.WriteLine($"  action for user {user} failed: {ex.GetType().Name}: {ex.Message}");
            }
        }
        finally
        {
            Volatile.Write(ref _busy[user], 0);
        }
    }

    private async Task ManualAsync(int u)
    {
        var next = _manual[u] switch
        {
            null => ManualStatuses[Random.Shared.Next(2)],
            var current => Random.Shared.Next(2) == 0 ? "online" : ManualStatuses.First(s => s != current),
        };
        var change = Track(ledger.Begin(u, next, ChangeKind.Manual));
        await devices[u].Connection.InvokeAsync("SetPresence", next);
        _manual[u] = next == "online" ? null : next;
        await WaitForReceiptsAsync(change, ReceiptWait);
    }

    private async Task ReconnectAsync(int u)
    {
        await StopAsync(u);
        var offline = Track(ledger.Begin(u, "offline", ChangeKind.Offline));
        await WaitForReceiptsAsync(offline, OfflineWait);
        var online = Track(ledger.Begin(u, _manual[u] ?? "online", ChangeKind.Online));
        await StartAndWatchAsync(u);
        await WaitForReceiptsAsync(online, ReceiptWait);
    }

    private async Task BlipAsync(int u)
    {
        Interlocked.Increment(ref _blips);
        ledger.ExpectQuiet(u, QuietWindow);
        await StopAsync(u);
        await StartAndWatchAsync(u);
        await Task.Delay(QuietWindow);
    }

    private async Task StopAsync(int u)
    {
        ledger.SetWatching(u, false);
        Volatile.Write(ref _stopping[u], 1);
        await devices[u].Connection.StopAsync();
    }

    private async Task StartAndWatchAsync(int u)
    {
        await devices[u].Connection.StartAsync();
        Volatile.Write(ref _stopping[u], 0);
        await WatchAsync(u);
    }

    private PresenceChange Track(PresenceChange change)
    {
        _changes.Enqueue(change);
        return change;
    }

    private async Task WaitForReceiptsAsync(PresenceChange change, TimeSpan limit)
    {
        var sw = Stopwatch.StartNew();
        while (ledger.Outstanding(change) > 0 && sw.Elapsed < limit)
        {
            await Task.Delay(50);
        }
    }
}
