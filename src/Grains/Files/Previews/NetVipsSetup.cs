using NetVips;

namespace Chat.Files.Previews;

/// <summary>Process-wide libvips settings, applied once before the first image is opened.</summary>
internal static class NetVipsSetup
{
    private static readonly Lazy<bool> Applied = new(() =>
    {
        // Uploads are hostile input: only the loaders libvips marks as fuzzed and safe (JPEG, PNG,
        // WebP, GIF, TIFF, HEIF...), never ImageMagick, Matlab or FITS.
        NetVips.NetVips.BlockUntrusted = true;
        // Every image is opened once, from a temp file that is deleted after: caching operations
        // would only hold memory.
        Cache.Max = 0;
        return true;
    });

    public static void EnsureApplied() => _ = Applied.Value;
}
