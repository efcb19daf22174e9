using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.LoadTest;

/// <summary>
/// Conversations of K members; every member connected; messages sent at a fixed total rate by the
/// members in turn; every receipt at the other members' devices is checked and timed.
/// </summary>
internal sealed class GroupRun(Options options)
{
    private readonly string _runId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));

    private Conversation[] _conversations = [];
    private Device[][] _devicesByUser = [];
    private Sent?[] _sent = [];

    private long _sentCount;
    private long _skipped;
    private long _acked;
    private long _failed;
    private long _delivered;
    private long _selfDelivered;
    private long _duplicates;
    private long _gapEvents;
    private long _outOfOrder;
    private long _foreign;
    private long _probesSeen;
    private long _disconnects;
    private double _maxSchedulerLagMs;
    private volatile bool _closing;
    private long _ackedWhileSending;
    private long _deliveredWhileSending;
    private long _backlogAtEnd;
    private double _sendingSeconds = 1;
    private int _sampledSeconds;
    private int _busySeconds;
    private bool _stillArriving;
    private readonly LatencyRecorder _ack = new();
    private readonly LatencyRecorder _delivery = new();
    private readonly Dictionary<string, int> _errors = [];
    private readonly CpuSampler? _cpu = options.SampleCpu ? new CpuSampler(options.Frontends) : null;

    public async Task<int> RunAsync()
    {
        var k = options.GroupSize;
        var conversationCount = options.Users / k;
        var userCount = conversationCount * k;
        if (userCount != options.Users)
        {
            Console.WriteLine($"note: {options.Users} users do not split into groups of {k}; using {userCount}");
        }

        using var api = new ChatApi(options.Frontends[0]);
        var pool = new UserPool(options, api);
        var users = await pool.EnsureAsync(userCount, TimeSpan.Zero);
        _conversations = await ConversationSetup.EnsureGroupsAsync(api, pool, users, k, options.RegisterParallelism * 4);

        // Devices: user u's d-th device goes to frontend (u * D + d) mod F, so users alternate frontends.
        var devices = new List<Device>();
        _devicesByUser = new Device[userCount][];
        for (var u = 0; u < userCount; u++)
        {
            _devicesByUser[u] = new Device[options.DevicesPerUser];
            for (var d = 0; d < options.DevicesPerUser; d++)
            {
                var device = new Device(devices.Count, u, users[u], options.Frontends[devices.Count % options.Frontends.Count]);
                device.Build(OnMessage, OnClosed);
                var conversation = _conversations[u / k];
                device.Views[conversation.Id] = new SeqView(conversation.BaselineSeq);
                _devicesByUser[u][d] = device;
                devices.Add(device);
            }
        }

        try
        {
            await DeviceFleet.ConnectAllAsync(devices, options.ConnectParallelism);
            if (_cpu is not null && options.WaitQuietSeconds > 0)
            {
                await _cpu.WaitQuietAsync(options.WaitQuietSeconds);
            }

            await ProbeAsync(devices);
            return await SendAndReportAsync(devices);
        }
        finally
        {
            Console.WriteLine("closing connections");
            _closing = true;
            await DeviceFleet.DisposeAllAsync(devices);
        }
    }

    /// <summary>
    /// One message per conversation, waited for at every device: proves each Frontend has the
    /// conversation's events before timing starts (a hub connect returns before the server has
    /// finished its OnConnected work) and activates the grains.
    /// </summary>
    private async Task ProbeAsync(List<Device> devices)
    {
        var sw = Stopwatch.StartNew();
        var acks = await Task.WhenAll(_conversations.Select(async c =>
        {
            try
            {
                var sender = _devicesByUser[c.MemberUsers[0]][0];
                return await sender.Connection.InvokeAsync<MessageAck>("SendMessage",
                    new SendMessageRequest(c.Id, $"{_runId}-probe-{c.Index}", $"probe {_runId}"));
            }
            catch (Exception ex)
            {
                Console.WriteLine($"probe: conversation {c.Id}: {ex.Message}");
                return null;
            }
        }));
        for (var i = 0; i < acks.Length; i++)
        {
            _conversations[i].ProbeSeq = acks[i]?.Seq ?? 0;
        }

        var deadline = Stopwatch.StartNew();
        int missing;
        while (true)
        {
            missing = devices.Count(d =>
            {
                var c = _conversations[d.UserIndex / options.GroupSize];
                lock (d.Gate)
                {
                    return d.Views[c.Id].Highest < c.ProbeSeq;
                }
            });
            if (missing == 0 || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                break;
            }

            await Task.Delay(100);
        }

        foreach (var c in _conversations)
        {
            c.BaselineSeq = Math.Max(c.BaselineSeq, c.ProbeSeq);
        }

        Console.WriteLine(missing == 0
            ? $"probe: every device received its conversation's probe in {sw.Elapsed.TotalMilliseconds:F0} ms"
            : $"probe: WARNING {missing} of {devices.Count} devices did not receive their probe within 30 s (failed probes: {acks.Count(a => a is null)})");
    }

    private async Task<int> SendAndReportAsync(List<Device> devices)
    {
        var total = (long)Math.Round(options.Rate * options.DurationSeconds);
        _sent = new Sent?[total];
        var k = options.GroupSize;
        var padding = new string('x', Math.Max(0, options.ContentBytes - 24));
        Console.WriteLine();
        Console.WriteLine($"run {_runId}: {_conversations.Length} conversations x {k} members, {devices.Count} connections, " +
            $"{options.Rate:F0} msg/s for {options.DurationSeconds:F0} s ({total} messages), each to {(k - 1) * options.DevicesPerUser} devices of other members");

        _cpu?.Sample();
        var start = Stopwatch.GetTimestamp();
        var warmupEnd = start + (long)(options.WarmupSeconds * Stopwatch.Frequency);
        var scheduler = new Thread(() => Schedule(total, start, warmupEnd, padding)) { IsBackground = true, Name = "scheduler", Priority = ThreadPriority.AboveNormal };
        if (_cpu is not null)
        {
            _cpu.Accumulating = true;
        }

        scheduler.Start();

        Console.WriteLine("   t  sent/s acked/s deliv/s inflight  fail | ack p50/p99 ms | e2e p50/p99 ms | cpu %");
        var last = (Sent: 0L, Acked: 0L, Delivered: 0L);
        var lastAt = start;
        var drainStarted = 0L;
        var quietSince = 0L;
        while (true)
        {
            // Tick on whole seconds since the start, never sooner than 0.5 s after the previous line.
            var untilNext = TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(Stopwatch.GetElapsedTime(start).Ticks % TimeSpan.TicksPerSecond);
            await Task.Delay(untilNext < TimeSpan.FromMilliseconds(500) ? untilNext + TimeSpan.FromSeconds(1) : untilNext);
            var now = Stopwatch.GetTimestamp();
            var seconds = (now - lastAt) / (double)Stopwatch.Frequency;
            lastAt = now;
            var (sent, acked, delivered, failed) = (Interlocked.Read(ref _sentCount), Interlocked.Read(ref _acked), Interlocked.Read(ref _delivered), Interlocked.Read(ref _failed));
            var ackWindow = _ack.TakeWindow();
            var deliveryWindow = _delivery.TakeWindow();
            var cpu = _cpu?.Sample();
            if (cpu is not null && scheduler.IsAlive)
            {
                _sampledSeconds++;
                if (cpu.GetValueOrDefault("other") > 20)
                {
                    _busySeconds++;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Stopwatch.GetElapsedTime(start).TotalSeconds,4:F0} {(sent - last.Sent) / seconds,7:F0} {(acked - last.Acked) / seconds,7:F0} {(delivered - last.Delivered) / seconds,7:F0} {sent - acked - failed,8} {failed,5} | " +
                $"{Percentiles.F(ackWindow.P50),6} {Percentiles.F(ackWindow.P99),6} | {Percentiles.F(deliveryWindow.P50),6} {Percentiles.F(deliveryWindow.P99),6} | {(cpu is null ? "" : CpuSampler.Format(cpu))}"));
            var progressed = acked != last.Acked || delivered != last.Delivered;
            _stillArriving = delivered != last.Delivered;
            last = (sent, acked, delivered);
            if (scheduler.IsAlive)
            {
                continue;
            }

            if (drainStarted == 0)
            {
                drainStarted = now;
                _ackedWhileSending = acked;
                _deliveredWhileSending = delivered;
                _backlogAtEnd = ExpectedDeliveries() - delivered;
                _sendingSeconds = (now - start) / (double)Stopwatch.Frequency;
                quietSince = now;
                if (_cpu is not null)
                {
                    _cpu.Accumulating = false;
                }

                Console.WriteLine($"sending done; draining (up to {options.DrainSeconds:F0} s)");
            }

            if (progressed)
            {
                quietSince = now;
            }

            var expected = ExpectedDeliveries();
            var drainedFor = (now - drainStarted) / (double)Stopwatch.Frequency;
            var inFlight = sent - acked - failed;
            if ((inFlight == 0 && delivered >= expected && (now - quietSince) / (double)Stopwatch.Frequency >= 1) || drainedFor >= options.DrainSeconds)
            {
                break;
            }
        }

        return Report(devices);
    }

    private void Schedule(long total, long start, long warmupEnd, string padding)
    {
        var n = 0L;
        var tick = TimeSpan.FromMilliseconds(10);
        while (n < total)
        {
            var now = Stopwatch.GetTimestamp();
            var elapsed = (now - start) / (double)Stopwatch.Frequency;
            var due = Math.Min(total, (long)(elapsed * options.Rate) + 1);
            if (due - n > 1)
            {
                // How late the oldest message of this batch is against its ideal send time.
                var lagMs = (elapsed - n / options.Rate) * 1000;
                if (lagMs > _maxSchedulerLagMs)
                {
                    _maxSchedulerLagMs = lagMs;
                }
            }

            for (; n < due; n++)
            {
                Send(n, warmupEnd, padding);
            }

            Thread.Sleep(tick);
        }
    }

    private void Send(long n, long warmupEnd, string padding)
    {
        var conversation = _conversations[n % _conversations.Length];
        var member = (int)(n / _conversations.Length % options.GroupSize);
        var userIndex = conversation.MemberUsers[member];
        var device = _devicesByUser[userIndex][0];
        if (Interlocked.Read(ref _sentCount) - Interlocked.Read(ref _acked) - Interlocked.Read(ref _failed) >= options.MaxInFlight)
        {
            Interlocked.Increment(ref _skipped);
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var sent = new Sent(conversation.Index, userIndex, now, Measured: now >= warmupEnd);
        _sent[n] = sent;
        Interlocked.Increment(ref _sentCount);
        var content = string.Create(CultureInfo.InvariantCulture, $"lt {_runId} {n} {padding}");
        _ = AwaitAckAsync(sent, device.Connection.InvokeAsync<MessageAck>("SendMessage",
            new SendMessageRequest(conversation.Id, $"{_runId}-{n}", content)));
    }

    private async Task AwaitAckAsync(Sent sent, Task<MessageAck> invocation)
    {
        try
        {
            var ack = await invocation;
            var now = Stopwatch.GetTimestamp();
            sent.Seq = ack.Seq;
            sent.AckedAt = now;
            _ack.Record(sent.SentAt, now, sent.Measured);
            Interlocked.Increment(ref _acked);
        }
        catch (Exception ex)
        {
            sent.Failed = true;
            Interlocked.Increment(ref _failed);
            var key = ex.GetType().Name + ": " + (ex.Message.Length > 120 ? ex.Message[..120] : ex.Message);
            lock (_errors)
            {
                _errors[key] = _errors.GetValueOrDefault(key) + 1;
            }
        }
    }

    private void OnMessage(Device device, ReceivedMessage message)
    {
        var now = Stopwatch.GetTimestamp();
        var content = message.Content ?? "";
        Sent? sent = null;
        var isProbe = content.StartsWith("probe ", StringComparison.Ordinal);
        if (!isProbe)
        {
            // "lt {runId} {n} ..." from this run; anything else is someone else's traffic.
            var parts = content.Split(' ', 4);
            if (parts.Length < 3 || parts[0] != "lt" || parts[1] != _runId
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 0 || n >= _sent.Length
                || (sent = Volatile.Read(ref _sent[n])) is null)
            {
                Interlocked.Increment(ref _foreign);
                return;
            }
        }

        lock (device.Gate)
        {
            if (!device.Views.TryGetValue(message.ConversationId, out var view))
            {
                Interlocked.Increment(ref _foreign);
                return;
            }

            if (!view.Seen.Add(message.Seq))
            {
                Interlocked.Increment(ref _duplicates);
                return;
            }

            if (!isProbe)
            {
                if (message.Seq > view.Highest + 1)
                {
                    Interlocked.Increment(ref _gapEvents);
                }
                else if (message.Seq < view.Highest)
                {
                    Interlocked.Increment(ref _outOfOrder);
                }
            }

            view.Highest = Math.Max(view.Highest, message.Seq);
        }

        if (isProbe)
        {
            Interlocked.Increment(ref _probesSeen);
            return;
        }

        if (message.SenderId == device.User.UserId)
        {
            Interlocked.Increment(ref _selfDelivered);
            return;
        }

        sent!.ReceivedSeq = message.Seq;
        Interlocked.Increment(ref sent.Receipts);
        Interlocked.Increment(ref _delivered);
        _delivery.Record(sent.SentAt, now, sent.Measured);
    }

    private void OnClosed(Device device, Exception? ex)
    {
        if (_closing)
        {
            return;
        }

        if (Interlocked.Increment(ref _disconnects) <= 5)
        {
            Console.WriteLine($"connection of {device.User.Username} to {device.Frontend} closed: {ex?.Message ?? "by the client"}");
        }
    }

    private long ExpectedDeliveries() => Interlocked.Read(ref _acked) * (options.GroupSize - 1) * options.DevicesPerUser;

    private int Report(List<Device> devices)
    {
        var perMessage = (options.GroupSize - 1) * options.DevicesPerUser;
        long lost = 0, messagesWithLoss = 0, deliveredUnacked = 0, unanswered = 0, seqMismatch = 0;
        var ackedSeqs = _conversations.Select(_ => new List<long>()).ToArray();
        foreach (var sent in _sent)
        {
            if (sent is null)
            {
                continue;
            }

            if (sent.AckedAt != 0)
            {
                ackedSeqs[sent.Conversation].Add(sent.Seq);
                var missing = perMessage - Volatile.Read(ref sent.Receipts);
                if (missing > 0)
                {
                    lost += missing;
                    messagesWithLoss++;
                }

                if (sent.ReceivedSeq != 0 && sent.ReceivedSeq != sent.Seq)
                {
                    seqMismatch++;
                }
            }
            else if (!sent.Failed)
            {
                unanswered++;
            }
            else if (sent.Receipts > 0)
            {
                deliveredUnacked++;
            }
        }

        // Per conversation: the acknowledged seqs after the baseline must be gapless and unique.
        var gapRows = new List<string>();
        long seqHoles = 0, seqDuplicates = 0;
        for (var i = 0; i < _conversations.Length; i++)
        {
            var seqs = ackedSeqs[i];
            seqs.Sort();
            var expectedNext = _conversations[i].BaselineSeq + 1;
            long holes = 0, dups = 0;
            for (var j = 0; j < seqs.Count; j++)
            {
                if (j > 0 && seqs[j] == seqs[j - 1])
                {
                    dups++;
                    continue;
                }

                holes += Math.Max(0, seqs[j] - expectedNext);
                expectedNext = seqs[j] + 1;
            }

            seqHoles += holes;
            seqDuplicates += dups;
            if ((holes > 0 || dups > 0) && gapRows.Count < 10)
            {
                gapRows.Add($"    {_conversations[i].Id}: {seqs.Count} acked, {holes} seqs missing, {dups} seqs acked twice");
            }
        }

        var ack = _ack.Summary();
        var delivery = _delivery.Summary();
        var expected = ExpectedDeliveries();
        var cpu = _cpu?.Averages();
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"== summary: run {_runId} ==");
        sb.AppendLine(CultureInfo.InvariantCulture, $"setup        {_conversations.Length} conversations x {options.GroupSize} members, {devices.Count} connections on {options.Frontends.Count} frontend(s): {string.Join(", ", options.Frontends)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"offered      {options.Rate:F0} msg/s for {options.DurationSeconds:F0} s = {_sent.Length} messages (warmup {options.WarmupSeconds:F0} s not in percentiles)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"sent         {_sentCount}  (skipped at --max-inflight {options.MaxInFlight}: {_skipped}; scheduler max lag {_maxSchedulerLagMs:F0} ms)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"acked        {_acked}  failed {_failed}  unanswered after drain {unanswered}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"delivered    {_delivered} to other members' devices of {expected} expected (acked x {perMessage}); own devices {_selfDelivered}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"throughput   acked {_ackedWhileSending / _sendingSeconds:F0} msg/s and delivered {_deliveredWhileSending / _sendingSeconds:F0}/s while sending; backlog at end of sending {_backlogAtEnd} deliveries");
        var backlogNote = lost > 0 && _stillArriving
            ? "; deliveries were STILL ARRIVING when the drain ended, so this is (at least partly) backlog, not proven loss: use a longer --drain"
            : "";
        sb.AppendLine(CultureInfo.InvariantCulture, $"lost         {lost} deliveries not received ({messagesWithLoss} messages missing at >= 1 device) after {options.DrainSeconds:F0} s drain{backlogNote}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"duplicated   {_duplicates} (same seq twice at a device)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"seq          acked seqs: {seqHoles} missing, {seqDuplicates} assigned twice; receivers saw {_gapEvents} forward gaps and {_outOfOrder} out-of-order arrivals; {seqMismatch} seq mismatches ack/event");
        foreach (var row in gapRows)
        {
            sb.AppendLine(row);
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"other        delivered without ack {deliveredUnacked}, foreign events {_foreign}, disconnects {_disconnects}, probes seen {_probesSeen}");
        if (!Device.OtherEvents.IsEmpty)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"other events {string.Join(", ", Device.OtherEvents.OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value} ({(double)e.Value / Math.Max(1, _acked):F2} per acked message)"))}");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"ack latency  {ack}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"send->recv   {delivery}");
        if (cpu is not null)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"cpu avg      {CpuSampler.Format(cpu)}  (100% = one core; while sending)");
            sb.AppendLine(CultureInfo.InvariantCulture, $"interference {_busySeconds} of {_sampledSeconds} s had processes outside this test using > 20% of a core (\"other\")");
        }

        if (_errors.Count > 0)
        {
            sb.AppendLine("errors:");
            foreach (var (message, count) in _errors.OrderByDescending(e => e.Value).Take(8))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {count,7} x {message}");
            }
        }

        var ok = lost == 0 && _duplicates == 0 && seqHoles == 0 && seqDuplicates == 0 && _failed == 0 && unanswered == 0;
        sb.AppendLine(ok ? "result       no loss, no duplicates, no gaps" : "result       PROBLEMS (see above)");
        Console.Write(sb.ToString());

        if (options.JsonOut is { } path)
        {
            SummaryJson.Write(path, new Dictionary<string, object?>
            {
                ["mode"] = "group",
                ["runId"] = _runId,
                ["conversations"] = _conversations.Length,
                ["groupSize"] = options.GroupSize,
                ["connections"] = devices.Count,
                ["frontends"] = options.Frontends.Select(f => f.ToString()).ToArray(),
                ["rate"] = options.Rate,
                ["durationSeconds"] = options.DurationSeconds,
                ["sent"] = _sentCount,
                ["skipped"] = _skipped,
                ["acked"] = _acked,
                ["failed"] = _failed,
                ["unanswered"] = unanswered,
                ["delivered"] = _delivered,
                ["expectedDeliveries"] = expected,
                ["lost"] = lost,
                ["stillArrivingAtDrainEnd"] = _stillArriving,
                ["ackedPerSecondWhileSending"] = _ackedWhileSending / _sendingSeconds,
                ["deliveredPerSecondWhileSending"] = _deliveredWhileSending / _sendingSeconds,
                ["backlogAtEndOfSending"] = _backlogAtEnd,
                ["duplicates"] = _duplicates,
                ["seqHoles"] = seqHoles,
                ["seqAssignedTwice"] = seqDuplicates,
                ["receiverGapEvents"] = _gapEvents,
                ["outOfOrder"] = _outOfOrder,
                ["ackMs"] = ack,
                ["deliveryMs"] = delivery,
                ["cpuPercent"] = cpu,
                ["secondsWithOtherLoad"] = _busySeconds,
                ["errors"] = _errors,
                ["otherEvents"] = Device.OtherEvents.ToDictionary(e => e.Key, e => e.Value),
            });
        }

        return ok ? 0 : 2;
    }

    internal sealed class Conversation(int index, Guid id, int[] memberUsers, long baselineSeq)
    {
        public int Index { get; } = index;
        public Guid Id { get; } = id;
        public int[] MemberUsers { get; } = memberUsers;
        public long BaselineSeq { get; set; } = baselineSeq;
        public long ProbeSeq { get; set; }
    }

    private sealed class Sent(int conversation, int senderUser, long sentAt, bool Measured)
    {
        public int Conversation { get; } = conversation;
        public int SenderUser { get; } = senderUser;
        public long SentAt { get; } = sentAt;
        public bool Measured { get; } = Measured;
        public long AckedAt;
        public long Seq;
        public long ReceivedSeq;
        public bool Failed;
        public int Receipts;
    }
}
