using System.ComponentModel.DataAnnotations;

namespace Chat.Files;

/// <summary>The <c>Files</c> section: limits on uploads, the quota and how long URLs and orphans live.</summary>
public sealed class FileSettings
{
    public const string Section = "Files";

    private const long MiB = 1024 * 1024;

    /// <summary>Files larger than this upload in parts (one presigned URL per part).</summary>
    [Range(5 * MiB, long.MaxValue)]
    public long MultipartThreshold { get; set; } = 64 * MiB;

    /// <summary>
    /// Size of each part but the last. S3 wants at least 5 MiB and at most 10,000 parts, so a file
    /// that would need more gets larger parts (<see cref="PartSizeFor"/>).
    /// </summary>
    [Range(5 * MiB, long.MaxValue)]
    public long PartBytes { get; set; } = 32 * MiB;

    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 2048 * MiB;

    [Range(1, long.MaxValue)]
    public long QuotaBytes { get; set; } = 5120 * MiB;

    /// <summary>The decompression-bomb limit, read from an image's header before anything decodes it.</summary>
    [Range(1, long.MaxValue)]
    public long MaxImagePixels { get; set; } = 100_000_000;

    /// <summary>Declared types an upload may start with (the sniffed type must then agree).</summary>
    public string[] AllowedTypes { get; set; } =
    [
        "image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif", "image/avif", "image/svg+xml",
        "video/mp4", "video/webm", "video/quicktime",
        "audio/mpeg", "audio/mp4", "audio/aac", "audio/ogg", "audio/webm", "audio/wav", "audio/x-wav", "audio/flac",
        "application/pdf", "text/plain", "text/csv", "application/zip", "application/octet-stream",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
        "application/vnd.oasis.opendocument.text", "application/rtf",
    ];

    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan DownloadUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Uploads never completed and files never attached are removed once this old.</summary>
    public TimeSpan OrphanAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the sweep runs.</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromHours(1);

    public long PartSizeFor(long size) => Math.Max(PartBytes, (size + MaxParts - 1) / MaxParts);

    public const int MaxParts = 10_000;
}
