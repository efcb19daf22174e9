namespace Chat.Files.Previews;

/// <summary>
/// What one stage made for a file: the objects to upload, the facts for <c>files.media</c>, and
/// whether a slower stage (the web rendition of a video) should follow.
/// </summary>
public sealed record PreviewSet(PreviewMedia? Media, IReadOnlyList<PreviewObject> Objects)
{
    public static PreviewSet Nothing { get; } = new(null, []);

    /// <summary>True when <see cref="PreviewVariants.Clean"/> is among the objects (an image with metadata, every video).</summary>
    public bool HasCleanCopy => Objects.Any(o => o.Variant == PreviewVariants.Clean);

    /// <summary>The variants for <c>files.previews</c>: every object but the clean copy.</summary>
    public IReadOnlyList<string> PreviewNames => [.. Objects.Where(o => o.Variant != PreviewVariants.Clean).Select(o => o.Variant)];

    public bool NeedsWebRendition { get; init; }
}
