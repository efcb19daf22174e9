using System.Globalization;

namespace Chat.LoadTest;

/// <summary>The silo's and the Frontends' (summed) memory at one moment.</summary>
internal readonly record struct MemoryPoint(MemorySample Silo, MemorySample Frontends);

/// <summary>
/// Memory of the processes under test before the users connect and once they are connected and
/// watching; the difference divided by the users is the cost of a connected user.
/// </summary>
internal sealed class PresenceMemory(SystemProcesses processes)
{
    private int[] SiloPids => processes.SiloPid is { } pid ? [pid] : [];

    public MemoryPoint Baseline { get; set; }
    public MemoryPoint Connected { get; set; }
    public MemoryPoint End { get; set; }

    public string SiloGc => processes.SiloPid is { } pid ? ProcessMemory.GcMode(pid) : "not measured";

    public string FrontendGc => string.Join("; ", processes.Frontends.Select(f => $"{f.Value}: {ProcessMemory.GcMode(f.Key)}").Distinct());

    public void PrintProcesses()
    {
        Console.WriteLine($"processes: silo {processes.SiloPid?.ToString(CultureInfo.InvariantCulture) ?? "not found (--silo-pid)"} [{SiloGc}]");
        foreach (var (pid, name) in processes.Frontends)
        {
            Console.WriteLine($"processes: {name} {pid} [{ProcessMemory.GcMode(pid)}]");
        }

        if (processes.Frontends.Count == 0)
        {
            Console.WriteLine("processes: no Frontend found (--frontend-pids): its memory is not measured");
        }

        // A process keeps the heap it grew (and its grains stay active for a while): an earlier run's
        // memory would be in the baseline and the per-user figure would come out near zero.
        Console.WriteLine("processes: memory per user is only meaningful with a silo and Frontends started fresh for this run");
    }

    /// <summary>The median of five samples a second apart, since a GC moves RSS by tens of MB between two reads.</summary>
    public async Task<MemoryPoint> SampleAsync(string label)
    {
        var silo = new List<MemorySample>();
        var frontends = new List<MemorySample>();
        for (var i = 0; i < 5; i++)
        {
            if (i > 0)
            {
                await Task.Delay(1000);
            }

            silo.Add(ProcessMemory.Read(SiloPids));
            frontends.Add(ProcessMemory.Read(processes.Frontends.Keys));
        }

        var point = new MemoryPoint(silo.OrderBy(m => m.RssKb).ElementAt(2), frontends.OrderBy(m => m.RssKb).ElementAt(2));
        Console.WriteLine($"memory {label}: silo {point.Silo}; frontend(s) {point.Frontends}  (median of 5 reads, 1 s apart)");
        return point;
    }

    public (string Silo, string Frontends) Quick() =>
        (ProcessMemory.Read(SiloPids).Mb.Replace(" MB", "", StringComparison.Ordinal), ProcessMemory.Read(processes.Frontends.Keys).Mb.Replace(" MB", "", StringComparison.Ordinal));

    /// <summary>KiB per user of (point − baseline): RSS and its anonymous part, silo and Frontends.</summary>
    public PerUser PerUserAt(MemoryPoint point, int users)
    {
        var silo = point.Silo - Baseline.Silo;
        var fe = point.Frontends - Baseline.Frontends;
        return new PerUser(silo.RssKb / (double)users, silo.AnonKb / (double)users, fe.RssKb / (double)users, fe.AnonKb / (double)users);
    }

    public void PrintPerUser(MemoryPoint point, int users)
    {
        var p = PerUserAt(point, users);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory per connected user: silo {p.SiloRssKb:F1} KB RSS ({p.SiloAnonKb:F1} anon), frontend {p.FrontendRssKb:F1} KB RSS ({p.FrontendAnonKb:F1} anon); targets silo ≤ 10 KB, frontend ≤ 30 KB"));
    }
}

internal readonly record struct PerUser(double SiloRssKb, double SiloAnonKb, double FrontendRssKb, double FrontendAnonKb);
