namespace Chat.LoadTest;

/// <summary>
/// The silo and Frontend processes under test, named as the CPU columns name them ("silo", "fe5000"):
/// from --silo-pid/--frontend-pids, else up.sh's pid files, else the command lines in /proc (the one
/// silo running; the Frontends serving --frontends).
/// </summary>
internal sealed class SystemProcesses
{
    private SystemProcesses(int? siloPid, Dictionary<int, string> frontends)
    {
        SiloPid = siloPid;
        Frontends = frontends;
    }

    public int? SiloPid { get; }

    public IReadOnlyDictionary<int, string> Frontends { get; }

    /// <summary>Every process by its column name, for <see cref="CpuSampler"/>.</summary>
    public Dictionary<int, string> Named()
    {
        var named = new Dictionary<int, string>(Frontends);
        if (SiloPid is { } silo)
        {
            named[silo] = "silo";
        }

        return named;
    }

    public static SystemProcesses Find(Options options)
    {
        var frontends = new Dictionary<int, string>();
        foreach (var pid in options.FrontendPids)
        {
            frontends[pid] = FrontendName(pid);
        }

        var siloPid = options.SiloPid;
        var runDir = Environment.GetEnvironmentVariable("CHAT_RUN") ?? Path.Combine(Environment.CurrentDirectory, ".local", "run");
        if (siloPid is null && frontends.Count == 0 && Directory.Exists(runDir))
        {
            foreach (var file in Directory.EnumerateFiles(runDir, "*.pid"))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (int.TryParse(File.ReadAllText(file).Trim(), out var pid) && Directory.Exists($"/proc/{pid}"))
                {
                    if (name == "silo")
                    {
                        siloPid = pid;
                    }
                    else if (name.StartsWith("frontend-", StringComparison.Ordinal))
                    {
                        frontends[pid] = "fe" + name["frontend-".Length..];
                    }
                }
            }
        }

        var silos = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            string cmdline;
            try
            {
                cmdline = File.ReadAllText($"{dir}/cmdline").Replace('\0', ' ');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (cmdline.Contains("Chat.Silo.dll", StringComparison.Ordinal))
            {
                silos.Add(pid);
            }
            else if (options.FrontendPids.Count == 0 && cmdline.Contains("Chat.Frontend.dll", StringComparison.Ordinal)
                && UrlPort(cmdline) is { } port && options.Frontends.Any(f => f.Port == port))
            {
                frontends[pid] = $"fe{port}";
            }
        }

        if (siloPid is null && silos.Count == 1)
        {
            siloPid = silos[0];
        }
        else if (siloPid is null)
        {
            Console.WriteLine($"WARNING: {silos.Count} silo processes and no --silo-pid: the silo's CPU and memory are not measured");
        }

        return new SystemProcesses(siloPid, frontends);
    }

    private static string FrontendName(int pid)
    {
        try
        {
            return UrlPort(File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')) is { } port ? $"fe{port}" : $"fe{pid}";
        }
        catch (IOException)
        {
            return $"fe{pid}";
        }
    }

    private static int? UrlPort(string cmdline)
    {
        var at = cmdline.IndexOf("--urls", StringComparison.Ordinal);
        var url = at >= 0 ? cmdline[(at + 6)..].Trim().Split(' ')[0] : "";
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Port : null;
    }
}
