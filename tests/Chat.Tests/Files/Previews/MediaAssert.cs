using NetVips;

namespace Chat.Tests.Files.Previews;

/// <summary>Checks on made images: no metadata left, and the two-colour sample the right way up.</summary>
public static class MediaAssert
{
    public static void CarriesNoMetadata(string path)
    {
        using var image = Image.NewFromFile(path);
        var fields = image.GetFields();
        Assert.DoesNotContain("exif-data", fields);
        Assert.DoesNotContain("xmp-data", fields);
        Assert.DoesNotContain("iptc-data", fields);
        Assert.DoesNotContain("orientation", fields);
    }

    /// <summary>The sample of <see cref="MediaSamples.JpegWithGpsAndOrientationAsync"/> as displayed: red top half, blue bottom half.</summary>
    public static void IsUprightRedOverBlue(string path, int width, int height)
    {
        using var image = Image.NewFromFile(path);
        Assert.Equal((width, height), (image.Width, image.Height));
        AssertColour(image, width / 2, height / 4, [255, 0, 0]);
        AssertColour(image, width / 2, height * 3 / 4, [0, 0, 255]);
    }

    public static void AssertColour(Image image, int x, int y, double[] expected)
    {
        var actual = image.Getpoint(x, y);
        for (var band = 0; band < 3; band++)
        {
            Assert.True(Math.Abs(actual[band] - expected[band]) < 24, $"pixel ({x},{y}) is [{string.Join(',', actual)}], expected [{string.Join(',', expected)}]");
        }
    }
}
