namespace Chat.FileUploadLoad;

/// <summary>Samples the resident memory (VmRSS, KiB) of the Frontend and silo from /proc every 100 ms, keeping the peak.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly int _frontendPid;
    private readonly int? _siloPid;
    private readonly Timer _timer;

    public MemorySampler(int frontendPid, int? siloPid)
    {
        _frontendPid = frontendPid;
        _siloPid = siloPid;
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }

    public long PeakFrontend { get; private set; }

    public long PeakSilo { get; private set; }

    public (long Frontend, long Silo) Current => (Rss(_frontendPid), _siloPid is { } silo ? Rss(silo) : 0);

    private void Sample()
    {
        var (frontend, silo) = Current;
        PeakFrontend = Math.Max(PeakFrontend, frontend);
        PeakSilo = Math.Max(PeakSilo, silo);
    }

    private static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    public void Dispose() => _timer.Dispose();
}
