namespace Chat.Files.Previews;

/// <summary>
/// What the previews learned about a file, stored as <c>files.media</c> (camelCase, nulls left out):
/// the <c>media</c> object of the contract's <c>File</c>.
/// </summary>
public sealed record PreviewMedia
{
    public int? Width { get; init; }

    public int? Height { get; init; }

    public long? DurationMs { get; init; }

    /// <summary>A tiny blurred WebP as a <c>data:image/webp;base64,…</c> URL.</summary>
    public string? Placeholder { get; init; }

    /// <summary>64 levels, 0–255: the loudest sample of each 64th of the recording.</summary>
    public IReadOnlyList<int>? Waveform { get; init; }

    public int? Pages { get; init; }
}
