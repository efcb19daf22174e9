using Chat.Files.Previews;
using Microsoft.Extensions.Options;
using NetVips;

namespace Chat.Tests.Files.Previews;

/// <summary>The previews made from local files, without storage or a cluster: what each kind of file gets.</summary>
public sealed class PreviewMakerTests : IDisposable
{
    private readonly MediaSamples _samples = new();
    private readonly PreviewMaker _maker = new(Options.Create(new PreviewOptions()));

    [Fact]
    public async Task Jpeg_with_gps_gets_thumbnails_and_an_upright_clean_copy_without_metadata()
    {
        var original = await _samples.JpegWithGpsAndOrientationAsync();
        var originalBytes = await File.ReadAllBytesAsync(original);
        Assert.Contains("48 deg", await MediaSamples.RunAsync("exiftool", "-GPSLatitude", original));

        var set = await MakeAsync(new PreviewSource("image", "image/jpeg", "message"), original);

        Assert.Equal((400, 600), (set.Media!.Width, set.Media.Height));
        Assert.StartsWith("data:image/webp;base64,", set.Media.Placeholder);
        Assert.True(set.Media.Placeholder!.Length < 1024, $"placeholder is {set.Media.Placeholder.Length} characters");
        Assert.Equal(["1280", "320"], set.PreviewNames.Order(StringComparer.Ordinal));
        Assert.True(set.HasCleanCopy);

        var clean = set.Objects.Single(o => o.Variant == PreviewVariants.Clean);
        Assert.Equal("image/jpeg", clean.ContentType);
        MediaAssert.CarriesNoMetadata(clean.Path);
        Assert.Equal("", (await MediaSamples.RunAsync("exiftool", "-s3", "-GPS:all", "-Make", "-Orientation", clean.Path)).Trim());
        MediaAssert.IsUprightRedOverBlue(clean.Path, 400, 600);

        foreach (var thumbnail in set.Objects.Where(o => o.Variant != PreviewVariants.Clean))
        {
            Assert.Equal("image/webp", thumbnail.ContentType);
            MediaAssert.CarriesNoMetadata(thumbnail.Path);
        }

        var large = set.Objects.Single(o => o.Variant == PreviewVariants.Large);
        MediaAssert.IsUprightRedOverBlue(large.Path, 400, 600);
        using (var small = Image.NewFromFile(set.Objects.Single(o => o.Variant == PreviewVariants.Small).Path))
        {
            Assert.Equal((213, 320), (small.Width, small.Height));
        }

        Assert.Equal(originalBytes, await File.ReadAllBytesAsync(original));
    }

    [Fact]
    public async Task Png_without_metadata_gets_no_clean_copy()
    {
        var set = await MakeAsync(new PreviewSource("image", "image/png", "message"), _samples.PngWithoutMetadata());

        Assert.False(set.HasCleanCopy);
        Assert.Equal((300, 200), (set.Media!.Width, set.Media.Height));
        Assert.Equal(["1280", "320"], set.PreviewNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Avatar_gets_the_square_sizes()
    {
        var set = await MakeAsync(new PreviewSource("image", "image/png", "avatar"), _samples.PngWithoutMetadata());

        Assert.Equal(["512", "96"], set.PreviewNames.Order(StringComparer.Ordinal));
        using var large = Image.NewFromFile(set.Objects.Single(o => o.Variant == PreviewVariants.AvatarLarge).Path);
        Assert.Equal((512, 512), (large.Width, large.Height));
    }

    [Fact]
    public async Task Image_over_the_pixel_limit_is_refused_before_decoding()
    {
        var maker = new PreviewMaker(Options.Create(new PreviewOptions { MaxImagePixels = 10_000 }));
        var workDir = _samples.NewPath("");
        Directory.CreateDirectory(workDir);

        await Assert.ThrowsAsync<UnpreviewableFileException>(() =>
            maker.MakeAsync(PreviewStages.Previews, new PreviewSource("image", "image/png", "message"), _samples.PngWithoutMetadata(), workDir, CancellationToken.None));
        Assert.Empty(Directory.GetFiles(workDir));
    }

    [Fact]
    public async Task Corrupt_image_is_unpreviewable()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => MakeAsync(new PreviewSource("image", "image/jpeg", "message"), _samples.CorruptJpeg()));
    }

    [Fact]
    public async Task Video_gets_duration_size_poster_thumbnails_and_then_a_web_rendition_within_720p()
    {
        var original = await _samples.WebmVideoAsync();
        var set = await MakeAsync(new PreviewSource("video", "video/webm", "message"), original);

        Assert.Equal((1280, 720), (set.Media!.Width, set.Media.Height));
        Assert.InRange(set.Media.DurationMs!.Value, 1900, 2100);
        Assert.NotNull(set.Media.Placeholder);
        Assert.Equal(["1280", "320", "poster"], set.PreviewNames.Order(StringComparer.Ordinal));
        using (var poster = Image.NewFromFile(set.Objects.Single(o => o.Variant == PreviewVariants.Poster).Path))
        {
            Assert.Equal((1280, 720), (poster.Width, poster.Height));
        }

        Assert.True(set.NeedsWebRendition);
        var web = await MakeAsync(new PreviewSource("video", "video/webm", "message"), original, PreviewStages.Transcode);
        var rendition = web.Objects.Single();
        Assert.Equal((PreviewVariants.Web, "video/mp4"), (rendition.Variant, rendition.ContentType));
        var probe = await MediaSamples.RunAsync("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", rendition.Path);
        Assert.Contains("h264,1280,720", probe);
        Assert.Contains("aac", probe);
    }

    [Fact]
    public async Task Video_over_720p_is_scaled_down_in_its_rendition()
    {
        var original = await _samples.WebmVideoAsync(1920, 1080);
        var web = await MakeAsync(new PreviewSource("video", "video/webm", "message"), original, PreviewStages.Transcode);

        var probe = await MediaSamples.RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", web.Objects.Single().Path);
        Assert.Equal("1280,720", probe.Trim());
    }

    [Fact]
    public async Task Web_ready_mp4_needs_no_rendition()
    {
        var set = await MakeAsync(new PreviewSource("video", "video/mp4", "message"), await _samples.WebReadyMp4Async());

        Assert.False(set.NeedsWebRendition);
        Assert.Equal((640, 360), (set.Media!.Width, set.Media.Height));
    }

    [Fact]
    public async Task Voice_note_gets_duration_and_a_64_level_waveform()
    {
        var set = await MakeAsync(new PreviewSource("audio", "audio/ogg", "message"), await _samples.VoiceNoteAsync());

        Assert.InRange(set.Media!.DurationMs!.Value, 1400, 1600);
        var waveform = set.Media.Waveform!;
        Assert.Equal(64, waveform.Count);
        Assert.All(waveform, level => Assert.InRange(level, 0, 255));
        // Silent first half, a steady tone after: quiet levels first, the loudest at 255 later.
        Assert.True(waveform.Take(28).Max() < 30, string.Join(',', waveform));
        Assert.True(waveform.Skip(36).Min() > 200, string.Join(',', waveform));
        Assert.Empty(set.Objects);
    }

    [Fact]
    public async Task Pdf_gets_its_page_count_and_first_page_thumbnails()
    {
        var set = await MakeAsync(new PreviewSource("document", "application/pdf", "message"), _samples.Pdf(pages: 2));

        Assert.Equal(2, set.Media!.Pages);
        Assert.Equal(["1280", "320"], set.PreviewNames.Order(StringComparer.Ordinal));
        using var large = Image.NewFromFile(set.Objects.Single(o => o.Variant == PreviewVariants.Large).Path);
        Assert.Equal((960, 1280), (large.Width, large.Height));
    }

    [Fact]
    public async Task Other_documents_get_nothing()
    {
        var path = _samples.NewPath(".zip");
        await File.WriteAllBytesAsync(path, [0x50, 0x4B, 0x03, 0x04, 0, 0]);

        var set = await MakeAsync(new PreviewSource("document", "application/zip", "message"), path);

        Assert.Null(set.Media);
        Assert.Empty(set.Objects);
    }

    private async Task<PreviewSet> MakeAsync(PreviewSource source, string original, string stage = PreviewStages.Previews)
    {
        var workDir = _samples.NewPath("");
        Directory.CreateDirectory(workDir);
        return await _maker.MakeAsync(stage, source, original, workDir, CancellationToken.None);
    }

    public void Dispose() => _samples.Dispose();
}
