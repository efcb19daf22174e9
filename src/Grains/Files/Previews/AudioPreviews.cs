using System.Globalization;
using System.Runtime.InteropServices;

namespace Chat.Files.Previews;

/// <summary>A recording's duration and waveform, from its audio decoded by ffmpeg to 16-bit mono PCM on its standard output.</summary>
internal static class AudioPreviews
{
    /// <summary>Enough for a peak envelope; a low rate keeps the decode and the pipe cheap.</summary>
    private const int SampleRate = 8_000;

    public static async Task<PreviewSet> MakeAsync(string originalPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waveform = new Waveform(SampleRate);
        // ffmpeg itself rather than FFMpegCore's pipe sink: the sink may stop reading when the
        // process exits, which cut the tail (and the duration) of a recording under load.
        await CommandLine.StreamAsync("ffmpeg",
            ["-v", "error", "-nostdin", "-i", originalPath, "-vn", "-ac", "1", "-ar", SampleRate.ToString(CultureInfo.InvariantCulture), "-f", "s16le", "-"],
            (pcm, token) => ReadSamplesAsync(pcm, waveform, token), timeout, cancellationToken);

        if (waveform.SampleCount == 0)
        {
            throw new InvalidDataException("no audio samples");
        }

        // Counted from the decoded samples: a browser's WebM recording often states no duration at all.
        var media = new PreviewMedia { DurationMs = waveform.SampleCount * 1000 / SampleRate, Waveform = waveform.ToLevels() };
        return new PreviewSet(media, []);
    }

    private static async Task ReadSamplesAsync(Stream pcm, Waveform waveform, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var carried = 0;
        int read;
        while ((read = await pcm.ReadAsync(buffer.AsMemory(carried), cancellationToken)) > 0)
        {
            var available = carried + read;
            var whole = available & ~1;
            waveform.Add(MemoryMarshal.Cast<byte, short>(buffer.AsSpan(0, whole)));
            // A read may end between the two bytes of a sample.
            carried = available - whole;
            if (carried > 0)
            {
                buffer[0] = buffer[whole];
            }
        }
    }
}
