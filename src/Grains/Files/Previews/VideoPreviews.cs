using System.Globalization;
using FFMpegCore;

namespace Chat.Files.Previews;

/// <summary>
/// A video's fast previews (duration, size, the first frame as the poster and thumbnails from it)
/// and, in a later stage, its web rendition: H.264/AAC MP4, at most 720p, playable while it loads.
/// </summary>
internal static class VideoPreviews
{
    /// <summary>The shorter side of a 720p picture, landscape or portrait.</summary>
    public const int WebShortSide = 720;

    public static async Task<PreviewSet> MakeAsync(string originalPath, string contentType, bool avatar, string workDir, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var probe = await VideoProbe.ReadAsync(originalPath, cancellationToken);
        var poster = Path.Combine(workDir, "poster.jpg");
        await RunAsync(FFMpegArguments.FromFileInput(originalPath)
            .OutputToFile(poster, overwrite: true, options => options
                .WithCustomArgument("-frames:v 1 -q:v 3 -map_metadata -1")), timeout, cancellationToken);

        var clean = await MakeCleanCopyAsync(originalPath, contentType, workDir, timeout, cancellationToken);
        var thumbnails = ImageThumbnails.Make(poster, avatar, workDir);
        var media = new PreviewMedia { Width = probe.Width, Height = probe.Height, DurationMs = probe.DurationMs, Placeholder = thumbnails.Placeholder };
        return new PreviewSet(media, [new PreviewObject(PreviewVariants.Poster, poster, "image/jpeg"), clean, .. thumbnails.Objects])
        {
            NeedsWebRendition = probe.NeedsWebRendition(contentType),
        };
    }

    public static async Task<PreviewSet> MakeWebRenditionAsync(string originalPath, string workDir, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var probe = await VideoProbe.ReadAsync(originalPath, cancellationToken);
        var output = Path.Combine(workDir, "web.mp4");
        var scale = Math.Min(probe.Width, probe.Height) <= WebShortSide
            ? "scale=trunc(iw/2)*2:trunc(ih/2)*2" // H.264 4:2:0 needs even sides
            : probe.Width >= probe.Height ? $"scale=-2:{WebShortSide}" : $"scale={WebShortSide}:-2";
        await RunAsync(FFMpegArguments.FromFileInput(originalPath)
            .OutputToFile(output, overwrite: true, options => options
                .WithCustomArgument("-map 0:v:0 -map 0:a:0? -map_metadata -1")
                .WithVideoCodec("libx264")
                .WithCustomArgument("-preset veryfast")
                .WithConstantRateFactor(23)
                .WithCustomArgument(string.Create(CultureInfo.InvariantCulture, $"-vf {scale} -pix_fmt yuv420p"))
                .WithAudioCodec("aac")
                .WithCustomArgument("-b:a 128k")
                .WithFastStart()), timeout, cancellationToken);
        return new PreviewSet(null, [new PreviewObject(PreviewVariants.Web, output, "video/mp4")]);
    }

    /// <summary>
    /// What others download of the original: the same streams, copied (no re-encoding, so it is quick and
    /// lossless), without the container's metadata, where phones write where a video was taken.
    /// </summary>
    private static async Task<PreviewObject> MakeCleanCopyAsync(string originalPath, string contentType, string workDir, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The original's own container, so every codec it holds may be copied into it.
        var (format, extension) = contentType switch
        {
            "video/webm" => ("webm", ".webm"),
            "video/quicktime" => ("mov -movflags +faststart", ".mov"),
            _ => ("mp4 -movflags +faststart", ".mp4"),
        };
        var output = Path.Combine(workDir, "clean" + extension);
        await RunAsync(FFMpegArguments.FromFileInput(originalPath)
            .OutputToFile(output, overwrite: true, options => options
                .WithCustomArgument($"-map 0:v -map 0:a? -c copy -map_metadata -1 -map_chapters -1 -f {format}")), timeout, cancellationToken);
        return new PreviewObject(PreviewVariants.Clean, output, contentType);
    }

    private static async Task RunAsync(FFMpegArgumentProcessor processor, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await processor.ProcessAsynchronously(cancellationToken: deadline.Token);
        }
        catch (FFMpegCore.Exceptions.FFMpegException ex)
        {
            throw new InvalidDataException("ffmpeg could not read the video", ex);
        }
    }
}
