using System.Diagnostics;
using Chat.Files.Previews;
using Chat.Tests.Infrastructure;
using NetVips;
using Xunit.Abstractions;

namespace Chat.Tests.Files.Previews;

/// <summary>
/// Thumbnails per second for a 12-megapixel JPEG with EXIF (both sizes, the placeholder and the clean
/// copy per image), one job at a time and two at once. Skipped by default (it takes the machine's CPU):
/// <c>CHAT_BENCH_PREVIEWS=1 dotnet test tests/Chat.Tests -c Release --no-build --filter "FullyQualifiedName~PreviewBenchmark" --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class PreviewBenchmark(ITestOutputHelper output) : IDisposable
{
    private const int ImagesPerRun = 12;

    private readonly MediaSamples _samples = new();

    [BenchmarkFact("CHAT_BENCH_PREVIEWS")]
    public async Task Twelve_megapixel_jpeg_previews_per_second()
    {
        var photo = await TwelveMegapixelPhotoAsync();
        output.WriteLine($"input: 4000x3000 JPEG with EXIF and GPS, {new FileInfo(photo).Length / 1024} KiB; {Environment.ProcessorCount} processors; libvips threads {NetVips.NetVips.Concurrency}");
        RunOnce(photo); // warm-up: libvips loads its modules and tables once per process
        foreach (var concurrency in (int[])[1, 2])
        {
            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, ImagesPerRun), new ParallelOptions { MaxDegreeOfParallelism = concurrency },
                (_, _) => { RunOnce(photo); return ValueTask.CompletedTask; });
            watch.Stop();
            output.WriteLine($"PreviewConcurrency={concurrency}: {ImagesPerRun} images in {watch.Elapsed.TotalSeconds:F2} s = {ImagesPerRun / watch.Elapsed.TotalSeconds:F2} images/s ({watch.Elapsed.TotalMilliseconds / ImagesPerRun:F0} ms per image)");
        }
    }

    private void RunOnce(string photo)
    {
        var workDir = _samples.NewPath("");
        Directory.CreateDirectory(workDir);
        var set = ImagePreviews.Make(photo, "image/jpeg", avatar: false, maxPixels: 100_000_000, workDir);
        Assert.True(set.HasCleanCopy);
        Directory.Delete(workDir, recursive: true);
    }

    /// <summary>A smooth gradient with mild noise (compresses like a photo, unlike pure noise), tagged with EXIF and GPS.</summary>
    private async Task<string> TwelveMegapixelPhotoAsync()
    {
        var path = _samples.NewPath(".jpg");
        using (var gradient = Image.Xyz(4000, 3000))
        using (var noise = Image.Gaussnoise(4000, 3000, mean: 0, sigma: 12))
        {
            using var x = gradient[0] * (255.0 / 4000);
            using var y = gradient[1] * (255.0 / 3000);
            using var red = x + noise;
            using var green = y + noise;
            using var blue = (x + y) / 2;
            using var photo = red.Bandjoin(green, blue).Cast(Enums.BandFormat.Uchar);
            photo.Jpegsave(path, q: 90, keep: Enums.ForeignKeep.None);
        }

        await MediaSamples.RunAsync("exiftool", "-overwrite_original", "-Make=TestCamera", "-GPSLatitude=48.8584", "-GPSLatitudeRef=N", path);
        return path;
    }

    public void Dispose() => _samples.Dispose();
}
