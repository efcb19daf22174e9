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
    private readonly string _runId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
    private PresenceLedger _ledger = null!;
    private Device[] _devices = [];
    private PresenceActions _actions = null!;
    private SystemProcesses _processes = null!;
    private CpuSampler? _cpu;
    private long _disconnects;
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
        _processes = SystemProcesses.Find(options);
        _cpu = options.SampleCpu ? new CpuSampler(options.Frontends, _processes.Named()) : null;
        var memory = new PresenceMemory(_processes);
        memory.PrintProcesses();
        if (pool.Refreshed > 0)
        {
            // Their garbage and grain activations are then in the baseline, which makes per-user memory look smaller.
            Console.WriteLine($"processes: {pool.Refreshed} tokens were just refreshed through these processes; for memory per user, "
                + "restart the silo and Frontends and run again while the tokens last (15 min)");
        }

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

        _actions = new PresenceActions(_ledger, _devices);

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
            return new PresenceReport(options, _runId, _ledger, [.. _actions.Changes], memory, _cpu)
            {
                Initial = initial,
                MeasuredSeconds = measuredSeconds,
                DeliveredWhileChanging = deliveredWhileChanging,
                FailedActions = _actions.Failed,
                Disconnects = Interlocked.Read(ref _disconnects),
                Blips = _actions.Blips,
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
                var (a, o) = await _actions.WatchAsync(u);
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
        var scheduler = _actions.ScheduleAsync(perSecond, start, options.DurationSeconds);
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
            var changes = _actions.Changes.Count;
            var waiting = _actions.Changes.Sum(_ledger.Outstanding);
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
                $"{Stopwatch.GetElapsedTime(start).TotalSeconds,4:F0} {(changes - lastChanges) / dt,6:F1} {(delivered - lastDelivered) / dt,6:F0} {waiting,7} {_actions.Failed,4} | " +
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

                var drain = Math.Max(options.DrainSeconds, PresenceActions.LongestChange.TotalSeconds + 10);
                drainDeadline = now + (long)(drain * Stopwatch.Frequency);
                Console.WriteLine($"changes done; waiting for the last ones (up to {drain:F0} s)");
            }

            if ((_actions.AllDone && waiting == 0) || now > drainDeadline)
            {
                break;
            }
        }

        await scheduler;
        return (seconds, deliveredWhileChanging);
    }

    private void OnClosed(Device device, Exception? ex)
    {
        if (_closing || _actions.IsStopping(device.Index))
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
