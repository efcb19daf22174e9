using System.Globalization;
using System.Text;

namespace Chat.LoadTest;

/// <summary>The presence run's summary: console, --json, and the exit code (2 when an event was lost, duplicated or unexpected).</summary>
internal sealed class PresenceReport(Options options, string runId, PresenceLedger ledger, IReadOnlyList<PresenceChange> changes, PresenceMemory memory, CpuSampler? cpu)
{
    public required InitialCheck Initial { get; init; }
    public required double MeasuredSeconds { get; init; }
    public required long DeliveredWhileChanging { get; init; }
    public required long FailedActions { get; init; }
    public required long Disconnects { get; init; }
    public required long Blips { get; init; }
    public required int SampledSeconds { get; init; }
    public required int BusySeconds { get; init; }

    private double Seconds(long ticks) => (ticks - ledger.MeasureStart) / (double)System.Diagnostics.Stopwatch.Frequency;

    private string Describe(PresenceChange c) =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Kind} '{c.Status}' at {Seconds(c.At):F1} s, {c.Received} of {c.ExpectedCount} got it");

    public int Write()
    {
        var expected = changes.Sum(c => (long)c.ExpectedCount);
        var received = changes.Sum(c => (long)c.Received);
        var lostChanges = new List<LostChange>();
        var lost = 0L;
        var excused = 0L;
        var byUser = changes.GroupBy(c => c.User).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var change in changes)
        {
            var show = new Dictionary<string, int>(StringComparer.Ordinal);
            var outstanding = ledger.Outstanding(change, out var e, show);
            lost += outstanding;
            excused += e;
            if (outstanding > 0)
            {
                var history = byUser[change.User];
                var at = history.IndexOf(change);
                lostChanges.Add(new LostChange(change.Kind, change.Status, change.User, ledger.UserIds[change.User], Seconds(change.At), change.ExpectedCount,
                    change.Received, outstanding, show, at > 0 ? Describe(history[at - 1]) : null, at + 1 < history.Count ? Describe(history[at + 1]) : null));
            }
        }

        var byKind = changes.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());
        var manual = ledger.ManualLatency.Summary();
        var online = ledger.OnlineLatency.Summary();
        var offline = ledger.OfflineLatency.Summary();
        var connected = memory.PerUserAt(memory.Connected, ledger.Count);
        var end = memory.PerUserAt(memory.End, ledger.Count);
        var cpuAvg = cpu?.Averages();
        var seconds = Math.Max(0.001, MeasuredSeconds);

        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"== summary: presence run {runId} ==");
        sb.AppendLine(CultureInfo.InvariantCulture, $"setup        {ledger.Count} users, one connection each on {options.Frontends.Count} frontend(s), each watching {ledger.Watch}; {options.ChangePercentPerMinute}% of users changing per minute for {MeasuredSeconds:F0} s");
        sb.AppendLine(CultureInfo.InvariantCulture, $"initial      {Initial.Answered} of {Initial.Expected} states answered by WatchPresence ({Initial.OfflineInAnswers} offline at answer, {Initial.FailedCalls} calls failed); not online after settle {Initial.NotOnlineAfterSettle}; reset from an earlier run {Initial.ResetFromEarlierRun}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"changes      {changes.Count} ({changes.Count / seconds:F1}/s): manual {byKind.GetValueOrDefault(ChangeKind.Manual)}, offline {byKind.GetValueOrDefault(ChangeKind.Offline)}, online {byKind.GetValueOrDefault(ChangeKind.Online)}; quick reconnects (must show nothing) {Blips}; failed actions {FailedActions}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"events       {received} of {expected} expected received, lost {lost}, not received by watchers that re-watched meanwhile (the answer has it) {excused}; delivered {DeliveredWhileChanging / seconds:F0}/s while changing");
        sb.AppendLine(CultureInfo.InvariantCulture, $"anomalies    duplicates {ledger.Duplicates}, unexpected {ledger.Unexpected}, flaps in quick reconnects {ledger.Flaps}, to watchers that were re-watching {ledger.NotExpectedReceipts}, unwatched {ledger.Unwatched}, disconnects {Disconnects}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"set→seen     {manual}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"reconnect→online {online}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"close→offline    {offline}  (includes the 5 s grace and the 5 s sweep)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"gc           silo {memory.SiloGc}; {memory.FrontendGc}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"memory       baseline silo {memory.Baseline.Silo}, frontend(s) {memory.Baseline.Frontends}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"             connected silo {memory.Connected.Silo}, frontend(s) {memory.Connected.Frontends}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"             end       silo {memory.End.Silo}, frontend(s) {memory.End.Frontends}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"per user     connected: silo {connected.SiloRssKb:F1} KB (anon {connected.SiloAnonKb:F1}), frontend {connected.FrontendRssKb:F1} KB (anon {connected.FrontendAnonKb:F1}); " +
            $"after the changes: silo {end.SiloRssKb:F1} KB, frontend {end.FrontendRssKb:F1} KB  (targets: silo ≤ 10, frontend ≤ 30)");
        foreach (var l in lostChanges.Take(20))
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"lost         {l.Kind} '{l.Status}' of user {l.User} ({l.UserId}) at {l.AtSeconds:F1} s: {l.Received} of {l.Expected} watchers got it; the others show {string.Join(", ", l.MissingWatchersShow.Select(v => $"{v.Key} ({v.Value})"))}; before: {l.Before ?? "-"}; after: {l.After ?? "-"}");
        }

        if (cpuAvg is not null)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"cpu avg      {CpuSampler.Format(cpuAvg)}  (100% = one core; while changing)");
            sb.AppendLine(CultureInfo.InvariantCulture, $"interference {BusySeconds} of {SampledSeconds} s had processes outside this test using > 20% of a core (\"other\")");
        }

        Console.Write(sb.ToString());
        var ok = lost == 0 && ledger.Duplicates == 0 && ledger.Unexpected == 0 && ledger.Flaps == 0 && FailedActions == 0 && Initial.FailedCalls == 0;
        if (options.JsonOut is { } path)
        {
            SummaryJson.Write(path, new Dictionary<string, object?>
            {
                ["mode"] = "presence",
                ["runId"] = runId,
                ["users"] = ledger.Count,
                ["watch"] = ledger.Watch,
                ["frontends"] = options.Frontends.Count,
                ["changePercentPerMinute"] = options.ChangePercentPerMinute,
                ["seconds"] = MeasuredSeconds,
                ["initial"] = Initial,
                ["changes"] = changes.Count,
                ["changesByKind"] = byKind.ToDictionary(k => k.Key.ToString(), k => k.Value),
                ["quickReconnects"] = Blips,
                ["failedActions"] = FailedActions,
                ["expectedEvents"] = expected,
                ["receivedEvents"] = received,
                ["lostEvents"] = lost,
                ["excusedEvents"] = excused,
                ["lostChanges"] = lostChanges,
                ["deliveredPerSecond"] = DeliveredWhileChanging / seconds,
                ["duplicates"] = ledger.Duplicates,
                ["unexpected"] = ledger.Unexpected,
                ["flaps"] = ledger.Flaps,
                ["disconnects"] = Disconnects,
                ["setToSeenMs"] = manual,
                ["reconnectToOnlineMs"] = online,
                ["closeToOfflineMs"] = offline,
                ["gc"] = new { silo = memory.SiloGc, frontends = memory.FrontendGc },
                ["memoryKb"] = new { baseline = memory.Baseline, connected = memory.Connected, end = memory.End },
                ["perUserKb"] = new { connected, end },
                ["cpu"] = cpuAvg,
                ["busySeconds"] = BusySeconds,
                ["sampledSeconds"] = SampledSeconds,
            });
        }

        return ok ? 0 : 2;
    }
}
