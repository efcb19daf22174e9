using System.Globalization;

namespace Chat.LoadTest;

/// <summary>
/// Per-process CPU from /proc, grouped into the parts of the system (silo, each frontend, Postgres,
/// Redis, this tool), so a run shows which of them ran out of the machine's cores.
/// </summary>
internal sealed class CpuSampler(IReadOnlyList<Uri> frontends, IReadOnlyDictionary<int, string>? pinned = null)
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    private readonly Dictionary<int, long> _previous = [];
    private readonly Dictionary<string, (double Sum, int Samples)> _totals = [];
    private long _lastBusy;
    private long _lastAll;
    private DateTime _lastAt = DateTime.UtcNow;

    public bool Accumulating { get; set; }

    public static readonly int Cores = Environment.ProcessorCount;

    /// <summary>One sample: CPU % per group (100 = one core) since the previous call, plus "machine" (% of all cores busy).</summary>
    public SortedDictionary<string, double> Sample()
    {
        var now = DateTime.UtcNow;
        var seconds = Math.Max(0.001, (now - _lastAt).TotalSeconds);
        _lastAt = now;
        var groups = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var seen = new HashSet<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var group = GroupOf(pid);
                if (group is null)
                {
                    continue;
                }

                var ticks = CpuTicks(pid);
                seen.Add(pid);
                var delta = _previous.TryGetValue(pid, out var before) ? ticks - before : 0;
                _previous[pid] = ticks;
                groups[group] = groups.GetValueOrDefault(group) + delta / ClockTicksPerSecond / seconds * 100;
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        foreach (var gone in _previous.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _previous.Remove(gone);
        }

        var (busy, all) = MachineTicks();
        if (_lastAll > 0 && all > _lastAll)
        {
            var machine = 100.0 * (busy - _lastBusy) / (all - _lastAll);
            var known = groups.Values.Sum();
            groups["other"] = Math.Max(0, machine * Cores - known);
            groups["machine"] = machine;
        }

        (_lastBusy, _lastAll) = (busy, all);
        if (Accumulating)
        {
            foreach (var (group, value) in groups)
            {
                var (sum, samples) = _totals.GetValueOrDefault(group);
                _totals[group] = (sum + value, samples + 1);
            }
        }

        return groups;
    }

    /// <summary>
    /// Waits until the machine is less than 25% busy for two seconds in a row, or the time is up;
    /// prints what was busy, since another process's load (or a server still draining a backlog) skews a run.
    /// </summary>
    public async Task WaitQuietAsync(double maxSeconds)
    {
        Sample();
        var waited = 0;
        var quiet = 0;
        SortedDictionary<string, double> last = [];
        while (waited < maxSeconds && quiet < 2)
        {
            await Task.Delay(1000);
            waited++;
            last = Sample();
            quiet = last.GetValueOrDefault("machine") < 25 ? quiet + 1 : 0;
        }

        Console.WriteLine(quiet >= 2
            ? $"machine quiet after {waited} s: {Format(last)}"
            : $"WARNING: machine still busy after {waited} s, measuring anyway: {Format(last)}");
    }

    public SortedDictionary<string, double> Averages() =>
        new(_totals.ToDictionary(t => t.Key, t => t.Value.Sum / t.Value.Samples), StringComparer.Ordinal);

    public static string Format(SortedDictionary<string, double> groups) =>
        string.Join(' ', groups.Select(g => g.Key == "machine" ? $"machine {g.Value:F0}%/{Cores}c" : $"{g.Key} {g.Value:F0}%"));

    /// <summary>
    /// The system under test's own processes, from the pid files scripts/up.sh writes (.local/run):
    /// other silos and frontends on the machine (e.g. a test run) then count as "other", not as ours.
    /// </summary>
    private static Dictionary<int, string> KnownPids()
    {
        var known = new Dictionary<int, string>();
        var dir = Environment.GetEnvironmentVariable("CHAT_RUN") ?? Path.Combine(Environment.CurrentDirectory, ".local", "run");
        if (!Directory.Exists(dir))
        {
            return known;
        }

        foreach (var file in Directory.EnumerateFiles(dir, "*.pid"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if ((name == "silo" || name.StartsWith("frontend-", StringComparison.Ordinal))
                && int.TryParse(File.ReadAllText(file).Trim(), out var pid))
            {
                known[pid] = name == "silo" ? "silo" : "fe" + name["frontend-".Length..];
            }
        }

        return known;
    }

    private Dictionary<int, string>? _known;
    private DateTime _knownAt;

    private string? GroupOf(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return "loadtest";
        }

        if (_known is null || DateTime.UtcNow - _knownAt > TimeSpan.FromSeconds(10))
        {
            // Processes named by the caller (e.g. --silo-pid) replace up.sh's pid files.
            (_known, _knownAt) = (pinned is { Count: > 0 } ? new Dictionary<int, string>(pinned) : KnownPids(), DateTime.UtcNow);
        }

        if (_known.TryGetValue(pid, out var named))
        {
            return named;
        }

        var comm = File.ReadAllText($"/proc/{pid}/comm").Trim();
        if (comm == "postgres")
        {
            return "postgres";
        }

        if (comm.StartsWith("redis-server", StringComparison.Ordinal))
        {
            return "redis";
        }

        if (comm != "dotnet" && !comm.StartsWith("Chat.", StringComparison.Ordinal))
        {
            return null;
        }

        // Hosts without pid files: a Frontend serving one of the URLs under test is ours; a silo
        // only when up.sh's pid files are absent (a test run's silos are someone else's load).
        var cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        if (cmdline.Contains("Chat.Frontend.dll", StringComparison.Ordinal))
        {
            var at = cmdline.IndexOf("--urls", StringComparison.Ordinal);
            var url = at >= 0 ? cmdline[(at + 6)..].Trim().Split(' ')[0] : "";
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && frontends.Any(f => f.Port == uri.Port))
            {
                return $"fe{uri.Port}";
            }

            return _known.Count == 0 ? "frontend" : null;
        }

        if (_known.Count == 0 && cmdline.Contains("Chat.Silo.dll", StringComparison.Ordinal))
        {
            return "silo";
        }

        return null;
    }

    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state); utime is field 14, stime field 15.
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static (long Busy, long All) MachineTicks()
    {
        var line = File.ReadLines("/proc/stat").First();
        var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = values[3] + values[4]; // idle + iowait
        var all = values.Sum();
        return (all - idle, all);
    }
}
