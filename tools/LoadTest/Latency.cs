using System.Diagnostics;

namespace Chat.LoadTest;

/// <summary>
/// Records latencies in microseconds and computes percentiles by sorting (exact, unlike a histogram's
/// buckets). Keeps everything for the summary and a window that the progress line drains each second.
/// </summary>
internal sealed class LatencyRecorder
{
    private readonly Lock _lock = new();
    private readonly List<int> _all = new(1 << 16);
    private List<int> _window = new(1 << 12);

    public static long Now => Stopwatch.GetTimestamp();

    public static double Ms(long fromTicks, long toTicks) => (toTicks - fromTicks) * 1000.0 / Stopwatch.Frequency;

    public void Record(long fromTicks, long toTicks, bool keep = true)
    {
        var micros = (int)Math.Clamp((toTicks - fromTicks) * 1_000_000L / Stopwatch.Frequency, 0, int.MaxValue);
        lock (_lock)
        {
            if (keep)
            {
                _all.Add(micros);
            }

            _window.Add(micros);
        }
    }

    public Percentiles TakeWindow()
    {
        List<int> window;
        lock (_lock)
        {
            window = _window;
            _window = new List<int>(Math.Max(1024, window.Count));
        }

        return Percentiles.Of(window);
    }

    public Percentiles Summary()
    {
        List<int> copy;
        lock (_lock)
        {
            copy = [.. _all];
        }

        return Percentiles.Of(copy);
    }
}

internal readonly record struct Percentiles(int Count, double P50, double P90, double P99, double P999, double Max, double Mean)
{
    /// <summary>Sorts the list in place; values are microseconds, results milliseconds.</summary>
    public static Percentiles Of(List<int> micros)
    {
        if (micros.Count == 0)
        {
            return new Percentiles(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        micros.Sort();
        double At(double p) => micros[Math.Clamp((int)Math.Ceiling(p * micros.Count) - 1, 0, micros.Count - 1)] / 1000.0;
        var sum = 0L;
        foreach (var m in micros)
        {
            sum += m;
        }

        return new Percentiles(micros.Count, At(0.50), At(0.90), At(0.99), At(0.999), micros[^1] / 1000.0, sum / 1000.0 / micros.Count);
    }

    public static string F(double ms) => double.IsNaN(ms) ? "-" : ms < 10 ? ms.ToString("F2") : ms < 100 ? ms.ToString("F1") : ms.ToString("F0");

    public override string ToString() =>
        Count == 0 ? "no samples" : $"p50 {F(P50)}  p90 {F(P90)}  p99 {F(P99)}  p99.9 {F(P999)}  max {F(Max)}  mean {F(Mean)} ms  (n={Count})";
}
