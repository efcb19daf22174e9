using NetVips;

namespace Chat.Files.Previews;

/// <summary>
/// The copy of an image that others download: the same format, orientation applied, EXIF, GPS,
/// XMP and IPTC gone. The ICC profile stays, so colours look as the owner saw them.
/// </summary>
internal static class ImageCleanCopy
{
    private const int LossyQuality = 90;

    /// <summary>The suffix libvips picks its saver by, per sniffed type; formats it cannot write are re-encoded as JPEG.</summary>
    private static readonly Dictionary<string, string> Suffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = ".jpg",
        ["image/png"] = ".png",
        ["image/webp"] = ".webp",
        ["image/gif"] = ".gif",
        ["image/tiff"] = ".tif",
        ["image/heic"] = ".heic",
        ["image/heif"] = ".heif",
        ["image/avif"] = ".avif",
    };

    private static readonly HashSet<string> Animated = new(StringComparer.OrdinalIgnoreCase) { "image/gif", "image/webp" };

    private static readonly HashSet<string> Lossy = new(StringComparer.Ordinal) { ".jpg", ".webp", ".heic", ".heif", ".avif" };

    public static PreviewObject Make(string sourcePath, string contentType, ImageHeader header, string workDir)
    {
        NetVipsSetup.EnsureApplied();
        var suffix = Suffixes.GetValueOrDefault(contentType, ".jpg");
        var loadOptions = new VOption();
        if (Animated.Contains(contentType))
        {
            loadOptions.Add("n", -1);
        }

        // A quarter turn reads the source out of order, so only an upright image streams.
        var access = header.Orientation is 0 or 1 ? Enums.Access.Sequential : Enums.Access.Random;
        using var image = Image.NewFromFile(sourcePath, access: access, failOn: Enums.FailOn.None, kwargs: loadOptions);
        using var upright = image.Autorot();

        var saveOptions = new VOption { { "keep", Enums.ForeignKeep.Icc } };
        if (Lossy.Contains(suffix))
        {
            saveOptions.Add("Q", LossyQuality);
        }

        var path = Path.Combine(workDir, PreviewVariants.Clean + suffix);
        upright.WriteToFile(path, saveOptions);
        return new PreviewObject(PreviewVariants.Clean, path, Suffixes.ContainsKey(contentType) ? contentType : "image/jpeg");
    }
}
