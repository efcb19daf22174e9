using NetVips;

namespace Chat.Files.Previews;

/// <summary>What an image's header says, read without decoding its pixels.</summary>
internal sealed record ImageHeader(int Width, int Height, int Orientation, bool HasMetadata, string Loader)
{
    private static readonly string[] MetadataFields = ["exif-data", "xmp-data", "iptc-data"];

    /// <summary>Orientations 5–8 turn the picture a quarter, so its displayed sides swap.</summary>
    public bool SwapsSides => Orientation is >= 5 and <= 8;

    public int DisplayWidth => SwapsSides ? Height : Width;

    public int DisplayHeight => SwapsSides ? Width : Height;

    /// <summary>True when others must get a copy rather than the original bytes.</summary>
    public bool NeedsCleanCopy => HasMetadata || Orientation is not (0 or 1);

    /// <summary>Opens the header; refuses an image the loaders cannot read, and for good one over <paramref name="maxPixels"/>.</summary>
    public static ImageHeader Read(string path, long maxPixels)
    {
        NetVipsSetup.EnsureApplied();
        Image image;
        try
        {
            image = Image.NewFromFile(path, access: Enums.Access.Sequential);
        }
        catch (VipsException ex)
        {
            throw new InvalidDataException("not an image libvips reads", ex);
        }

        using (image)
        {
            if ((long)image.Width * image.Height > maxPixels)
            {
                throw new UnpreviewableFileException($"{image.Width}x{image.Height} is over the limit of {maxPixels} pixels");
            }

            var fields = image.GetFields();
            var orientation = fields.Contains("orientation") ? (int)image.Get("orientation") : 1;
            var hasMetadata = MetadataFields.Any(fields.Contains);
            var loader = fields.Contains("vips-loader") ? (string)image.Get("vips-loader") : "";
            return new ImageHeader(image.Width, image.Height, orientation, hasMetadata, loader);
        }
    }
}
