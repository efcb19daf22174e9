using NetVips;

namespace Chat.Files.Previews;

/// <summary>
/// The WebP thumbnails and the blur placeholder of a picture (an image, a video's poster, a PDF's
/// first page): one shrink-on-load decode, orientation applied, converted to sRGB and saved with
/// no metadata at all.
/// </summary>
internal static class ImageThumbnails
{
    private const int ThumbnailQuality = 80;
    private const int PlaceholderSide = 16;
    private const int PlaceholderQuality = 40;
    private const double PlaceholderBlurSigma = 1.0;

    public sealed record Result(IReadOnlyList<PreviewObject> Objects, string Placeholder);

    /// <summary>Makes <c>320</c> and <c>1280</c> (longer side, never enlarged), or for an avatar the squares <c>96</c> and <c>512</c>.</summary>
    public static Result Make(string sourcePath, bool avatar, string workDir)
    {
        NetVipsSetup.EnsureApplied();
        var (largeVariant, smallVariant, largeSide, smallSide) = avatar
            ? (PreviewVariants.AvatarLarge, PreviewVariants.AvatarSmall, 512, 96)
            : (PreviewVariants.Large, PreviewVariants.Small, 1280, 320);

        // The large thumbnail is decoded once (with shrink-on-load) and kept in memory; the small
        // one and the placeholder are cut from it rather than from the original again.
        using var decoded = Image.Thumbnail(sourcePath, largeSide, height: largeSide,
            size: avatar ? Enums.Size.Both : Enums.Size.Down,
            crop: avatar ? Enums.Interesting.Attention : null,
            outputProfile: "srgb", failOn: Enums.FailOn.None);
        using var large = decoded.CopyMemory();
        var objects = new List<PreviewObject> { Save(large, largeVariant, workDir) };

        using var small = large.ThumbnailImage(smallSide, height: smallSide, size: avatar ? Enums.Size.Both : Enums.Size.Down);
        objects.Add(Save(small, smallVariant, workDir));

        return new Result(objects, Placeholder(small));
    }

    private static PreviewObject Save(Image image, string variant, string workDir)
    {
        var path = Path.Combine(workDir, variant + ".webp");
        image.Webpsave(path, q: ThumbnailQuality, keep: Enums.ForeignKeep.None);
        return new PreviewObject(variant, path, "image/webp");
    }

    private static string Placeholder(Image from)
    {
        using var tiny = from.ThumbnailImage(PlaceholderSide, height: PlaceholderSide);
        using var blurred = tiny.Gaussblur(PlaceholderBlurSigma);
        var bytes = blurred.WebpsaveBuffer(q: PlaceholderQuality, keep: Enums.ForeignKeep.None);
        return "data:image/webp;base64," + Convert.ToBase64String(bytes);
    }
}
