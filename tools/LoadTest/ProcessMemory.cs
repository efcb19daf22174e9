using System.Globalization;
using System.Text.Json;

namespace Chat.LoadTest;

/// <summary>A process's memory from /proc/PID/status, in KiB: resident in total, its anonymous part (heaps) and file-backed part (mapped code).</summary>
internal readonly record struct MemorySample(long RssKb, long AnonKb, long FileKb, long PeakKb)
{
    public static MemorySample operator +(MemorySample a, MemorySample b) =>
        new(a.RssKb + b.RssKb, a.AnonKb + b.AnonKb, a.FileKb + b.FileKb, a.PeakKb + b.PeakKb);

    public static MemorySample operator -(MemorySample a, MemorySample b) =>
        new(a.RssKb - b.RssKb, a.AnonKb - b.AnonKb, a.FileKb - b.FileKb, a.PeakKb - b.PeakKb);

    public string Mb => string.Create(CultureInfo.InvariantCulture, $"{RssKb / 1024.0:F0} MB");

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"RSS {RssKb / 1024.0:F1} MB (anon {AnonKb / 1024.0:F1}, file {FileKb / 1024.0:F1}, peak {PeakKb / 1024.0:F1})");
}

/// <summary>Reads memory and the GC configuration of the processes under test from /proc (Linux only).</summary>
internal static class ProcessMemory
{
    public static MemorySample Read(IEnumerable<int> pids)
    {
        var total = default(MemorySample);
        foreach (var pid in pids)
        {
            total += Read(pid);
        }

        return total;
    }

    public static MemorySample Read(int pid)
    {
        long rss = 0, anon = 0, file = 0, peak = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    continue;
                }

                var value = line[(colon + 1)..].Trim().Split(' ')[0];
                switch (line[..colon])
                {
                    case "VmRSS": rss = long.Parse(value, CultureInfo.InvariantCulture); break;
                    case "RssAnon": anon = long.Parse(value, CultureInfo.InvariantCulture); break;
                    case "RssFile": file = long.Parse(value, CultureInfo.InvariantCulture); break;
                    case "VmHWM": peak = long.Parse(value, CultureInfo.InvariantCulture); break;
                }
            }
        }
        catch (IOException)
        {
            // The process is gone: it counts as nothing, and the run reports its disconnects.
        }

        return new MemorySample(rss, anon, file, peak);
    }

    /// <summary>
    /// How the process's GC is configured: its runtimeconfig.json (ASP.NET apps get Server GC by
    /// default, which keeps a larger gen0 budget per core and so a larger RSS) and any DOTNET_GC*
    /// environment override, which wins.
    /// </summary>
    public static string GcMode(int pid)
    {
        try
        {
            var parts = new List<string>();
            var args = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            var dll = args.FirstOrDefault(a => a.EndsWith(".dll", StringComparison.Ordinal));
            if (dll is not null)
            {
                var cwd = new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? "";
                var config = Path.Combine(cwd, Path.ChangeExtension(dll, ".runtimeconfig.json"));
                var server = false;
                var conserve = "";
                if (File.Exists(config))
                {
                    using var doc = JsonDocument.Parse(File.ReadAllText(config));
                    if (doc.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var props))
                    {
                        server = props.TryGetProperty("System.GC.Server", out var s) && s.ValueKind == JsonValueKind.True;
                        conserve = props.TryGetProperty("System.GC.ConserveMemory", out var c) ? $", ConserveMemory {c}" : "";
                    }
                }

                parts.Add((server ? "Server GC" : "Workstation GC") + " (runtimeconfig" + conserve + ")");
            }

            var env = File.ReadAllText($"/proc/{pid}/environ").Split('\0')
                .Where(e => e.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase) || e.StartsWith("COMPlus_GC", StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (env.Count > 0)
            {
                parts.Add("env " + string.Join(' ', env));
            }

            return string.Join(", ", parts);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException)
        {
            return $"unknown ({ex.GetType().Name})";
        }
    }
}
