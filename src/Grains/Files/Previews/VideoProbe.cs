using FFMpegCore;

namespace Chat.Files.Previews;

/// <summary>What ffprobe says of a video: its displayed size (rotation applied), duration and codecs.</summary>
internal sealed record VideoProbe(int Width, int Height, long DurationMs, string VideoCodec, string? AudioCodec, string PixelFormat)
{
    public static async Task<VideoProbe> ReadAsync(string path, CancellationToken cancellationToken)
    {
        IMediaAnalysis analysis;
        try
        {
            analysis = await FFProbe.AnalyseAsync(path, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is FFMpegCore.Exceptions.FFMpegException or FFMpegCore.Exceptions.FormatNullException)
        {
            throw new InvalidDataException("ffprobe could not read the video", ex);
        }

        var video = analysis.PrimaryVideoStream ?? throw new InvalidDataException("no video stream");
        var quarterTurn = Math.Abs(video.Rotation) % 180 == 90;
        int width = video.Width ?? 0, height = video.Height ?? 0;
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException("the video stream has no size");
        }

        return new VideoProbe(
            quarterTurn ? height : width,
            quarterTurn ? width : height,
            (long)analysis.Duration.TotalMilliseconds,
            video.CodecName ?? "",
            analysis.PrimaryAudioStream?.CodecName,
            video.PixelFormat ?? "");
    }

    /// <summary>
    /// Browsers play H.264 (8-bit 4:2:0) with AAC in MP4 everywhere; anything else, or anything
    /// over 720p, gets a web rendition.
    /// </summary>
    public bool NeedsWebRendition(string contentType) =>
        Math.Min(Width, Height) > VideoPreviews.WebShortSide
        || !string.Equals(contentType, "video/mp4", StringComparison.OrdinalIgnoreCase)
        || VideoCodec != "h264"
        || PixelFormat != "yuv420p"
        || AudioCodec is not (null or "aac");
}
