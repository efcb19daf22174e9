using NetVips;

namespace Chat.Files;

/// <summary>
/// Reads an image's dimensions with libvips (NetVips) from its header only, before anything decodes
/// a pixel, so a decompression bomb (a small file claiming 50000 x 50000 pixels) is refused for
/// the cost of reading a few bytes. A header libvips cannot read means a corrupt image.
/// </summary>
internal static class ImageHeaderCheck
{
    public static HeaderCheck Check(byte[] bytes, long maxPixels)
    {
        try
        {
            // Loading from a buffer reads the header only; pixels are decoded on demand, which never comes here.
            using var image = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential);
            return Judge(image.Width, image.Height, maxPixels);
        }
        catch (VipsException)
        {
            return HeaderCheck.Refuse("the image cannot be read (corrupt or truncated)");
        }
    }

    public static HeaderCheck CheckFile(string path, long maxPixels)
    {
        try
        {
            using var image = Image.NewFromFile(path, access: Enums.Access.Sequential);
            return Judge(image.Width, image.Height, maxPixels);
        }
        catch (VipsException)
        {
            return HeaderCheck.Refuse("the image cannot be read (corrupt or truncated)");
        }
    }

    private static HeaderCheck Judge(int width, int height, long maxPixels)
    {
        if (width <= 0 || height <= 0)
        {
            return HeaderCheck.Refuse("the image cannot be read (no dimensions)");
        }

        var pixels = (long)width * height;
        return pixels > maxPixels
            ? HeaderCheck.Refuse($"the image is {width} x {height} pixels ({pixels} pixels), over the limit of {maxPixels}")
            : HeaderCheck.Pass(new MediaFacts(width, height, null));
    }
}
