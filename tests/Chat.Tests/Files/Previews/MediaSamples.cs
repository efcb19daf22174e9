using System.Diagnostics;
using System.Globalization;
using System.Text;
using NetVips;

namespace Chat.Tests.Files.Previews;

/// <summary>Media made on the spot for the preview tests (NetVips, exiftool, ffmpeg), in a folder deleted with the instance.</summary>
public sealed class MediaSamples : IDisposable
{
    public MediaSamples()
    {
        Folder = Path.Combine(Path.GetTempPath(), "chat-preview-samples-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string NewPath(string extension) => Path.Combine(Folder, Guid.NewGuid().ToString("N") + extension);

    /// <summary>
    /// A 600x400 JPEG, left half red and right half blue, tagged with GPS and orientation 6 (turn a
    /// quarter clockwise to display): displayed it is 400x600, red on top and blue below.
    /// </summary>
    public async Task<string> JpegWithGpsAndOrientationAsync()
    {
        var path = NewPath(".jpg");
        using (var image = TwoColours(600, 400))
        {
            image.Jpegsave(path, q: 95, keep: Enums.ForeignKeep.None);
        }

        await RunAsync("exiftool", "-overwrite_original", "-GPSLatitude=48.8584", "-GPSLatitudeRef=N",
            "-GPSLongitude=2.2945", "-GPSLongitudeRef=E", "-Make=TestCamera", "-Orientation#=6", path);
        return path;
    }

    /// <summary>A 300x200 PNG with no metadata at all.</summary>
    public string PngWithoutMetadata()
    {
        var path = NewPath(".png");
        using var image = TwoColours(300, 200);
        image.Pngsave(path, keep: Enums.ForeignKeep.None);
        return path;
    }

    /// <summary>A JPEG of the given size (for the pixel limit and the benchmark).</summary>
    public string PlainJpeg(int width, int height)
    {
        var path = NewPath(".jpg");
        using var noise = Image.Gaussnoise(width, height, mean: 128, sigma: 40);
        using var colour = noise.Bandjoin(noise, noise).Cast(Enums.BandFormat.Uchar);
        colour.Jpegsave(path, q: 90, keep: Enums.ForeignKeep.None);
        return path;
    }

    /// <summary>A 2-second 1280x720 test picture with a sine tone, as WebM (VP8/Opus): not web-ready MP4, so it gets a rendition.</summary>
    public async Task<string> WebmVideoAsync(int width = 1280, int height = 720)
    {
        var path = NewPath(".webm");
        await RunAsync("ffmpeg", "-v", "error", "-f", "lavfi", "-i", $"testsrc=size={width}x{height}:rate=25:duration=2",
            "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "1M",
            "-c:a", "libopus", "-shortest", path);
        return path;
    }

    /// <summary>A 2-second H.264/AAC MP4 of at most 720p: already web-ready.</summary>
    public async Task<string> WebReadyMp4Async()
    {
        var path = NewPath(".mp4");
        await RunAsync("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25:duration=2",
            "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-shortest", "-movflags", "+faststart", path);
        return path;
    }

    /// <summary>A voice note: 1.5 s of a tone that is silent for its first half, as Ogg/Opus.</summary>
    public async Task<string> VoiceNoteAsync()
    {
        var path = NewPath(".ogg");
        await RunAsync("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=300:duration=1.5",
            "-af", "volume=enable='lt(t,0.75)':volume=0", "-c:a", "libopus", path);
        return path;
    }

    /// <summary>A one-page PDF written by hand (a filled rectangle), with a correct cross-reference table.</summary>
    public string Pdf(int pages = 1)
    {
        var objects = new List<string> { "<< /Type /Catalog /Pages 2 0 R >>" };
        var kids = string.Join(' ', Enumerable.Range(0, pages).Select(i => $"{3 + (2 * i)} 0 R"));
        objects.Add($"<< /Type /Pages /Kids [{kids}] /Count {pages} >>");
        const string content = "0 0 1 rg 50 50 200 300 re f";
        for (var i = 0; i < pages; i++)
        {
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Contents {4 + (2 * i)} 0 R >>");
            objects.Add($"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        var path = NewPath(".pdf");
        File.WriteAllText(path, pdf.ToString(), Encoding.ASCII);
        return path;
    }

    /// <summary>A JPEG's first bytes followed by garbage: sniffs as an image, decodes as nothing.</summary>
    public string CorruptJpeg()
    {
        var path = NewPath(".jpg");
        var bytes = new byte[4096];
        new Random(16).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        bytes[3] = 0xE0;
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static async Task<string> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{fileName} failed: {await error}");
        return await output;
    }

    private static Image TwoColours(int width, int height)
    {
        using var red = Image.Black(width / 2, height, bands: 3) + new double[] { 255, 0, 0 };
        using var blue = Image.Black(width - (width / 2), height, bands: 3) + new double[] { 0, 0, 255 };
        using var joined = red.Join(blue, Enums.Direction.Horizontal);
        return joined.Cast(Enums.BandFormat.Uchar);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
