using System.ComponentModel.DataAnnotations;

namespace Chat.Files.Previews;

/// <summary>
/// The preview worker's settings, in the <c>Files</c> section beside the upload settings (the
/// pixel limit is the same key the completion check reads, so both refuse the same images).
/// </summary>
public sealed class PreviewOptions
{
    public const string Section = "Files";

    /// <summary>Whether this silo runs a preview worker (a silo without one leaves the queue to the others).</summary>
    public bool PreviewWorkerEnabled { get; set; } = true;

    /// <summary>Jobs one silo runs at once (decoding is CPU- and memory-bound); default one per processor.</summary>
    [Range(1, 256)]
    public int PreviewConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>An image with more pixels than this is not decoded (a decompression bomb); checked from the header.</summary>
    [Range(1, long.MaxValue)]
    public long MaxImagePixels { get; set; } = 100_000_000;

    /// <summary>Attempts of one job stage before the worker gives up (the file is then ready with no previews).</summary>
    [Range(1, 100)]
    public int PreviewMaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failure; each further failure doubles it.</summary>
    public TimeSpan PreviewRetryBase { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan PreviewRetryMax { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often an idle worker looks for due jobs when no notification woke it.</summary>
    public TimeSpan PreviewPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a lease keeps other silos off a job; renewed while the job runs, so it lapses only when its silo dies.</summary>
    public TimeSpan PreviewLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest one ffmpeg, pdftoppm or pdfinfo run may take before it is killed and the attempt fails.</summary>
    public TimeSpan PreviewToolTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
