using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Chat.Files;

/// <summary>
/// Asks Debian's ffprobe whether a stored video or audio file is readable and what it holds. ffprobe
/// reads the object over a presigned URL (HTTP range requests), so nothing is downloaded first.
/// The CLI rather than FFMpegCore: one call with JSON out, and no wrapper between us and its exit code.
/// </summary>
internal static class MediaProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<HeaderCheck> CheckAsync(Uri url, string kind, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("ffprobe")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-protocol_whitelist", "http,https,tcp,tls", url.AbsoluteUri])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffprobe could not be started");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        _ = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            return HeaderCheck.Refuse($"the {kind} cannot be read (corrupt or not a {kind})");
        }

        return Judge(await output, kind);
    }

    private static HeaderCheck Judge(string json, string kind)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var streams = root.TryGetProperty("streams", out var list) ? list.EnumerateArray().ToList() : [];
        // An attached picture (cover art) is a "video" stream of one frame; it does not make audio a video.
        var video = streams.FirstOrDefault(stream => Text(stream, "codec_type") == "video"
            && !(stream.TryGetProperty("disposition", out var disposition) && disposition.TryGetProperty("attached_pic", out var pic) && pic.GetInt32() == 1));
        var hasAudio = streams.Any(stream => Text(stream, "codec_type") == "audio");
        var durationMs = root.TryGetProperty("format", out var format) && Text(format, "duration") is { } seconds
            && double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (long?)Math.Round(value * 1000) : null;

        if (kind == FileKinds.Video)
        {
            return video.ValueKind == JsonValueKind.Object && Int(video, "width") is > 0 and var width && Int(video, "height") is > 0 and var height
                ? HeaderCheck.Pass(new MediaFacts(width, height, durationMs))
                : HeaderCheck.Refuse("the video cannot be read (no picture stream)");
        }

        return hasAudio
            ? HeaderCheck.Pass(new MediaFacts(null, null, durationMs))
            : HeaderCheck.Refuse("the audio cannot be read (no sound stream)");
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
