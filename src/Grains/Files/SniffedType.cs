namespace Chat.Files;

/// <summary>What a file's first bytes say it is. <see cref="Family"/> groups types that may stand for one another.</summary>
internal sealed record SniffedType(string ContentType, SniffedFamily Family);

internal enum SniffedFamily
{
    /// <summary>Nothing we know: treated as an opaque document.</summary>
    Unknown,
    RasterImage,
    /// <summary>SVG: XML that can carry script, so never an image kind; served as an attachment.</summary>
    Svg,
    /// <summary>A container that holds video or audio (MP4, WebM/Matroska, Ogg); ffprobe tells which.</summary>
    MediaContainer,
    Audio,
    Pdf,
    Zip,
    Text,
    /// <summary>HTML: script a browser would run if it were ever served inline.</summary>
    Html,
    Executable,
}
