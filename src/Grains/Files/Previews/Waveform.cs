namespace Chat.Files.Previews;

/// <summary>
/// Folds a recording's 16-bit mono samples into the contract's 64 levels (0–255) as they stream
/// past: the peak of each short chunk is kept, so an hour of audio costs kilobytes, not the PCM.
/// </summary>
internal sealed class Waveform(int sampleRate)
{
    public const int Levels = 64;

    private const int ChunksPerSecond = 100;

    private readonly int _chunkSamples = Math.Max(1, sampleRate / ChunksPerSecond);
    private readonly List<int> _chunkPeaks = [];
    private int _samplesInChunk;
    private int _chunkPeak;

    public long SampleCount { get; private set; }

    public void Add(ReadOnlySpan<short> samples)
    {
        foreach (var sample in samples)
        {
            _chunkPeak = Math.Max(_chunkPeak, Math.Abs((int)sample));
            if (++_samplesInChunk == _chunkSamples)
            {
                _chunkPeaks.Add(_chunkPeak);
                _samplesInChunk = 0;
                _chunkPeak = 0;
            }
        }

        SampleCount += samples.Length;
    }

    /// <summary>
    /// The levels, scaled so the loudest is 255: voice notes are recorded at very different gains
    /// and a quiet one would otherwise draw as a flat line.
    /// </summary>
    public IReadOnlyList<int> ToLevels()
    {
        var peaks = _samplesInChunk > 0 ? [.. _chunkPeaks, _chunkPeak] : _chunkPeaks;
        var buckets = new int[Levels];
        for (var i = 0; i < peaks.Count; i++)
        {
            var bucket = (int)((long)i * Levels / peaks.Count);
            buckets[bucket] = Math.Max(buckets[bucket], peaks[i]);
        }

        var loudest = buckets.Max();
        return loudest == 0 ? buckets : [.. buckets.Select(peak => (int)Math.Round(peak * 255.0 / loudest))];
    }
}
