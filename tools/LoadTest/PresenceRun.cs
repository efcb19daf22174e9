using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.LoadTest;

/// <summary>
/// Presence at scale (issue 5): every user connected once and watching W others, then a share of
/// the users changing presence each minute (SetPresence, and disconnects that outlast the grace);
/// each change is timed to every watcher that was connected, and the silo's and Frontends' memory
/// per connected user is measured.
/// </summary>
internal sealed class PresenceRun(Options options)
{
    /// <summary>The server's grace before offline (5 s) plus its sweep period (5 s), with a margin.</summary>
    private static readonly TimeSpan OfflineWait = TimeSpan.FromSeconds(20);

    /// <summary>How long a change may take to reach its watchers before the missing receipts count as lost.</summary>
    private static readonly TimeSpan ReceiptWait = TimeSpan.FromSeconds(10);

    /// <summary>After a reconnect inside the grace nothing may arrive for this long (grace + sweep + margin).</summary>
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(12);

    private static readonly string[] ManualStatuses = ["away", "dnd"];

    private readonly string _runId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
    private readonly ConcurrentQueue<PresenceChange> _changes = new();
    private readonly ConcurrentBag<Task> _actions = [];
    private PresenceLedger _ledger = null!;
    private Device[] _devices = [];
    private string?[] _manual = [];
    private int[] _busy = [];
    private int[] _stopping = [];
    private SystemProcesses _processes = null!;
    private CpuSampler? _cpu;
    private long _failedActions;
    private long _disconnects;
    private long _blips;
    private int _sampledSeconds;
    private int _busySeconds;
    private volatile bool _closing;

    public async Task<int> RunAsync()
    {
        var n = options.PresenceUsers!.Value;
        using var api = new ChatApi(options.Frontends[0]);
        var pool = new UserPool(options, api);

        // Tokens are presented at every (re)connect, so they must last through connect and the run.
        var users = await pool.EnsureAsync(n, TimeSpan.FromSeconds(options.DurationSeconds + 300));
        _ledger = new PresenceLedger(users, options.Watch);
        _manual = new string?[n];
        _busy = new int[n];
        _stopping = new int[n];
        _processes = SystemProcesses.Find(options);
        _cpu = options.SampleCpu ? new CpuSampler(options.Frontends, _processes.Named()) : null;
        var memory = new PresenceMemory(_processes);
        memory.PrintProcesses();

        _devices = new Device[n];
        for (var u = 0; u < n; u++)
        {
            var device = new Device(u, u, users[u], options.Frontends[u % options.Frontends.Count]);
            device.Build((_, _) => { }, OnClosed);
            var watcher = u;
            device.Connection.On("PresenceChanged", [typeof(JsonElement)], args =>
            {
                _ledger.OnPresenceChanged(watcher, (JsonElement)args[0]!);
                return Task.CompletedTask;
            });
            _devices[u] = device;
        }

        try
        {
            memory.Baseline = await memory.SampleAsync("baseline (users exist, none connected)");
            await DeviceFleet.ConnectAllAsync(_devices, options.ConnectParallelism);
            var initial = await WatchAllAsync();
            await Task.Delay(3000);
            memory.Connected = await memory.SampleAsync($"connected ({n} users, each watching {options.Watch})");
            memory.PrintPerUser(memory.Connected, n);
            if (options.HoldSeconds > 0)
            {
                Console.WriteLine($"holding {options.HoldSeconds:F0} s with everyone connected and watching (e.g. dotnet-gcdump collect -p PID)");
                await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
            }
            if (_cpu is not null && options.WaitQuietSeconds > 0)
            {
                await _cpu.WaitQuietAsync(options.WaitQuietSeconds);
            }

            var (measuredSeconds, deliveredWhileChanging) = await ChangeAsync(memory);
            memory.End = await memory.SampleAsync("after the changes");
            return new PresenceReport(options, _runId, _ledger, [.. _changes], memory, _cpu)
            {
                Initial = initial,
                MeasuredSeconds = measuredSeconds,
                DeliveredWhileChanging = deliveredWhileChanging,
                FailedActions = Interlocked.Read(ref _failedActions),
                Disconnects = Interlocked.Read(ref _disconnects),
                Blips = Interlocked.Read(ref _blips),
                SampledSeconds = _sampledSeconds,
                BusySeconds = _busySeconds,
            }.Write();
        }
        finally
        {
            Console.WriteLine("closing connections");
            _closing = true;
            await DeviceFleet.DisposeAllAsync(_devices);
        }
    }

    /// <summary>
    /// Every user watches its W, checks the answers, waits for late connects to show online, and
    /// clears away/dnd left by an earlier run, so the changes start from everyone online.
    /// </summary>
    private async Task<InitialCheck> WatchAllAsync()
    {
        var sw = Stopwatch.StartNew();
        var answered = 0L;
        var offline = 0L;
        var failed = 0;
        await UserPool.ParallelWithProgress(Enumerable.Range(0, _ledger.Count).ToList(), options.ConnectParallelism, "watching", async u =>
        {
            try
            {
                var (a, o) = await WatchAsync(u);
                Interlocked.Add(ref answered, a);
                Interlocked.Add(ref offline, o);
            }
            catch (Exception ex) when (ex is HubException or InvalidOperationException or IOException)
            {
                if (Interlocked.Increment(ref failed) <= 5)
                {
                    Console.WriteLine($"  WatchPresence of user {u} failed: {ex.Message}");
                }
            }
        });
        var expected = (long)_ledger.Count * _ledger.Watch;
        Console.WriteLine($"watch: {answered} of {expected} states answered ({offline} offline, {failed} calls failed) in {sw.Elapsed.TotalSeconds:F1} s");

        // A connect returns before the server's OnConnected has made the session, so some users are
        // still offline in early answers; their online event follows.
        var stillOffline = await WaitForViewsAsync(s => s is null or "offline", TimeSpan.FromSeconds(15));
        Console.WriteLine($"watch: {stillOffline} watched users still not online in the watchers' views after the settle");

        var leftover = Enumerable.Range(0, _ledger.Count).Where(u => _ledger.View(_ledger.WatcherOf(u, 0), 0) is "away" or "dnd").ToList();
        if (leftover.Count > 0)
        {
            Console.WriteLine($"watch: {leftover.Count} users were away/dnd from an earlier run; setting them online");
            await Parallel.ForEachAsync(leftover, new ParallelOptions { MaxDegreeOfParallelism = options.ConnectParallelism }, async (u, ct) =>
                await _devices[u].Connection.InvokeAsync("SetPresence", "online", ct));
            await WaitForViewsAsync(s => s is "away" or "dnd", TimeSpan.FromSeconds(15));
        }

        return new InitialCheck(answered, expected, offline, failed, stillOffline, leftover.Count);
    }

    private async Task<(int Answered, int Offline)> WatchAsync(int u)
    {
        var answer = await _devices[u].Connection.InvokeAsync<List<JsonElement>>("WatchPresence", _ledger.WatchedBy(u));
        return _ledger.ApplyWatchAnswer(u, answer);
    }

    private async Task<long> WaitForViewsAsync(Func<string?, bool> bad, TimeSpan limit)
    {
        var sw = Stopwatch.StartNew();
        while (true)
        {
            var count = 0L;
            for (var w = 0; w < _ledger.Count; w++)
            {
                for (var s = 0; s < _ledger.Watch; s++)
                {
                    count += bad(_ledger.View(w, s)) ? 1 : 0;
                }
            }

            if (count == 0 || sw.Elapsed > limit)
            {
                return count;
            }

            await Task.Delay(1000);
        }
    }

    /// <summary>Makes the changes for --duration, printing a line a second, then waits for the last ones.</summary>
    private async Task<(double Seconds, long Delivered)> ChangeAsync(PresenceMemory memory)
    {
        var perSecond = _ledger.Count * options.ChangePercentPerMinute / 100 / 60;
        Console.WriteLine();
        Console.WriteLine($"run {_runId}: {_ledger.Count} users watching {_ledger.Watch} each; {perSecond:F1} changes/s ({options.ChangePercentPerMinute}% of users a minute) for {options.DurationSeconds:F0} s, " +
            $"each to ~{_ledger.Watch} watchers = ~{perSecond * _ledger.Watch:F0} events/s");
        _ledger.Measuring = true;
        _cpu?.Sample();
        if (_cpu is not null)
        {
            _cpu.Accumulating = true;
        }

        var start = Stopwatch.GetTimestamp();
        var scheduler = ScheduleAsync(perSecond, start);
        Console.WriteLine("   t  chg/s   ev/s waiting fail | set→seen p50/p99 ms | online p50/p99 ms | offline p50 s | RSS silo fe MB | cpu %");
        var lastDelivered = 0L;
        var lastChanges = 0;
        var lastAt = start;
        var deliveredWhileChanging = 0L;
        double seconds = 0;
        var drainDeadline = long.MaxValue;
        while (true)
        {
            await Task.Delay(1000);
            var now = Stopwatch.GetTimestamp();
            var dt = (now - lastAt) / (double)Stopwatch.Frequency;
            lastAt = now;
            var delivered = Interlocked.Read(ref _ledger.Delivered);
            var changes = _changes.Count;
            var waiting = _changes.Sum(_ledger.Outstanding);
            var manual = _ledger.ManualLatency.TakeWindow();
            var online = _ledger.OnlineLatency.TakeWindow();
            var off = _ledger.OfflineLatency.TakeWindow();
            var cpu = _cpu?.Sample();
            if (cpu is not null && !scheduler.IsCompleted)
            {
                _sampledSeconds++;
                _busySeconds += cpu.GetValueOrDefault("other") > 20 ? 1 : 0;
            }

            var mem = memory.Quick();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Stopwatch.GetElapsedTime(start).TotalSeconds,4:F0} {(changes - lastChanges) / dt,6:F1} {(delivered - lastDelivered) / dt,6:F0} {waiting,7} {Interlocked.Read(ref _failedActions),4} | " +
                $"{Percentiles.F(manual.P50),8} {Percentiles.F(manual.P99),8} | {Percentiles.F(online.P50),7} {Percentiles.F(online.P99),7} | {(double.IsNaN(off.P50) ? "-" : (off.P50 / 1000).ToString("F1", CultureInfo.InvariantCulture)),13} | " +
                $"{mem.Silo,6} {mem.Frontends,6} | {(cpu is null ? "" : CpuSampler.Format(cpu))}"));
            (lastDelivered, lastChanges) = (delivered, changes);
            if (!scheduler.IsCompleted)
            {
                continue;
            }

            if (drainDeadline == long.MaxValue)
            {
                seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                deliveredWhileChanging = delivered;
                if (_cpu is not null)
                {
                    _cpu.Accumulating = false;
                }

                var drain = Math.Max(options.DrainSeconds, (OfflineWait + ReceiptWait).TotalSeconds + 10);
                drainDeadline = now + (long)(drain * Stopwatch.Frequency);
                Console.WriteLine($"changes done; waiting for the last ones (up to {drain:F0} s)");
            }

            if ((_actions.All(a => a.IsCompleted) && waiting == 0) || now > drainDeadline)
            {
                break;
            }
        }

        await scheduler;
        return (seconds, deliveredWhileChanging);
    }

    /// <summary>
    /// Every 100 ms starts the actions due by then. Of four actions three are SetPresence (one
    /// change each) and one is a disconnect past the grace then a reconnect (two changes: offline,
    /// online); besides, a tenth as many quick reconnects inside the grace, which must show nothing.
    /// </summary>
    private async Task ScheduleAsync(double changesPerSecond, long start)
    {
        var end = start + (long)(options.DurationSeconds * Stopwatch.Frequency);
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
            var u = Random.Shared.Next(_ledger.Count);
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
            if (Interlocked.Increment(ref _failedActions) <= 5)
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
        var change = Track(_ledger.Begin(u, next, ChangeKind.Manual));
        await _devices[u].Connection.InvokeAsync("SetPresence", next);
        _manual[u] = next == "online" ? null : next;
        await WaitForReceiptsAsync(change, ReceiptWait);
    }

    private async Task ReconnectAsync(int u)
    {
        await StopAsync(u);
        var offline = Track(_ledger.Begin(u, "offline", ChangeKind.Offline));
        await WaitForReceiptsAsync(offline, OfflineWait);
        var online = Track(_ledger.Begin(u, _manual[u] ?? "online", ChangeKind.Online));
        await StartAndWatchAsync(u);
        await WaitForReceiptsAsync(online, ReceiptWait);
    }

    private async Task BlipAsync(int u)
    {
        Interlocked.Increment(ref _blips);
        _ledger.ExpectQuiet(u, QuietWindow);
        await StopAsync(u);
        await StartAndWatchAsync(u);
        await Task.Delay(QuietWindow);
    }

    private async Task StopAsync(int u)
    {
        _ledger.SetWatching(u, false);
        Volatile.Write(ref _stopping[u], 1);
        await _devices[u].Connection.StopAsync();
    }

    private async Task StartAndWatchAsync(int u)
    {
        await _devices[u].Connection.StartAsync();
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
        while (_ledger.Outstanding(change) > 0 && sw.Elapsed < limit)
        {
            await Task.Delay(50);
        }
    }

    private void OnClosed(Device device, Exception? ex)
    {
        if (_closing || Volatile.Read(ref _stopping[device.Index]) == 1)
        {
            return;
        }

        if (Interlocked.Increment(ref _disconnects) <= 5)
        {
            Console.WriteLine($"connection of {device.User.Username} closed: {ex?.Message ?? "by the client"}");
        }
    }
}

/// <summary>What the first WatchPresence calls answered.</summary>
internal sealed record InitialCheck(long Answered, long Expected, long OfflineInAnswers, int FailedCalls, long NotOnlineAfterSettle, int ResetFromEarlierRun);
