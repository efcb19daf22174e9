using System.Text.Json;
using Chat.Files.Previews;
using Chat.Tests.Accounts;
using Chat.Tests.Infrastructure;
using NetVips;

namespace Chat.Tests.Files.Previews;

/// <summary>The preview queue on a real cluster, S3 and Postgres: files queued as completion queues them, previews stored, the owner told.</summary>
[Collection(FilePreviewsCollection.Name)]
public sealed class PreviewWorkerTests(FilePreviewsCluster cluster) : IAsyncLifetime
{
    private readonly List<ChatConnection> _devices = [];

    private static readonly TimeSpan Processing = TimeSpan.FromSeconds(30);

    private MediaSamples Samples => cluster.Samples;

    [Fact]
    public async Task Jpeg_with_gps_reaches_others_as_a_clean_upright_copy_and_the_owner_keeps_the_original()
    {
        var (owner, device) = await ConnectOwnerAsync();
        var original = await Samples.JpegWithGpsAndOrientationAsync();
        var queued = await cluster.QueueAsync(owner.UserId, original, "image/jpeg", "image");

        var processed = await NextFileProcessedAsync(device, queued.FileId);

        Assert.Equal("ready", processed.GetProperty("status").GetString());
        Assert.Equal(400, processed.GetProperty("media").GetProperty("width").GetInt32());
        Assert.Equal(600, processed.GetProperty("media").GetProperty("height").GetInt32());
        Assert.StartsWith("data:image/webp;base64,", processed.GetProperty("media").GetProperty("placeholder").GetString());
        Assert.Equal(["1280", "320"], processed.GetProperty("previews").EnumerateArray().Select(p => p.GetString()!).Order(StringComparer.Ordinal));

        var row = await cluster.ReadFileAsync(queued.FileId);
        Assert.Equal($"files/{queued.FileId}/clean", row.CleanKey);
        var clean = await cluster.DownloadAsync(row.CleanKey!);
        MediaAssert.CarriesNoMetadata(clean);
        Assert.Equal("", (await MediaSamples.RunAsync("exiftool", "-s3", "-GPS:all", clean)).Trim());
        MediaAssert.IsUprightRedOverBlue(clean, 400, 600);
        MediaAssert.IsUprightRedOverBlue(await cluster.DownloadAsync($"files/{queued.FileId}/1280"), 400, 600);
        using (var small = Image.NewFromFile(await cluster.DownloadAsync($"files/{queued.FileId}/320")))
        {
            Assert.Equal(320, small.Height);
        }

        Assert.Equal(await File.ReadAllBytesAsync(original), await File.ReadAllBytesAsync(await cluster.DownloadAsync(queued.ObjectKey)));
        await AssertJobGoneAsync(queued.FileId);
    }

    [Fact]
    public async Task Png_without_metadata_is_its_own_clean_copy()
    {
        var (owner, device) = await ConnectOwnerAsync();
        var queued = await cluster.QueueAsync(owner.UserId, Samples.PngWithoutMetadata(), "image/png", "image");

        await NextFileProcessedAsync(device, queued.FileId);

        var row = await cluster.ReadFileAsync(queued.FileId);
        Assert.Equal(queued.ObjectKey, row.CleanKey);
        Assert.Null(await cluster.Store.GetSizeAsync($"files/{queued.FileId}/clean"));
    }

    [Fact]
    public async Task Video_is_ready_with_its_poster_first_and_gets_its_web_rendition_after()
    {
        var (owner, device) = await ConnectOwnerAsync();
        var queued = await cluster.QueueAsync(owner.UserId, await Samples.WebmVideoAsync(), "video/webm", "video");

        var fast = await NextFileProcessedAsync(device, queued.FileId);
        Assert.Equal("ready", fast.GetProperty("status").GetString());
        Assert.InRange(fast.GetProperty("media").GetProperty("durationMs").GetInt64(), 1900, 2100);
        Assert.Equal(1280, fast.GetProperty("media").GetProperty("width").GetInt32());
        Assert.Equal(["1280", "320", "poster"], Previews(fast).Order(StringComparer.Ordinal));
        Assert.NotNull(await cluster.Store.GetSizeAsync($"files/{queued.FileId}/poster"));

        var transcoded = await NextFileProcessedAsync(device, queued.FileId);
        Assert.Contains("web", Previews(transcoded));
        var web = await cluster.DownloadAsync($"files/{queued.FileId}/web");
        var probe = await MediaSamples.RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name,height", "-of", "csv=p=0", web);
        Assert.Equal("h264,720", probe.Trim());
        Assert.Contains("web", (await cluster.ReadFileAsync(queued.FileId)).Previews);
        await AssertJobGoneAsync(queued.FileId);
    }

    [Fact]
    public async Task Video_with_a_location_reaches_others_as_a_copy_without_it_and_the_owner_keeps_the_original()
    {
        var (owner, device) = await ConnectOwnerAsync();
        var located = Samples.NewPath(".mp4");
        await MediaSamples.RunAsync("ffmpeg", "-v", "error", "-i", await Samples.WebReadyMp4Async(), "-c", "copy",
            "-metadata", "location=+48.8584+002.2945/", located);
        Assert.Contains("+48.8584", await FormatTagsAsync(located));
        var queued = await cluster.QueueAsync(owner.UserId, located, "video/mp4", "video");

        var processed = await NextFileProcessedAsync(device, queued.FileId);

        Assert.DoesNotContain("web", Previews(processed));
        var row = await cluster.ReadFileAsync(queued.FileId);
        Assert.Equal($"files/{queued.FileId}/clean", row.CleanKey);
        var clean = await cluster.DownloadAsync(row.CleanKey!);
        Assert.DoesNotContain("48.8584", await FormatTagsAsync(clean));
        var streams = await MediaSamples.RunAsync("ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", clean);
        Assert.Equal(["aac", "h264"], streams.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Equal(await File.ReadAllBytesAsync(located), await File.ReadAllBytesAsync(await cluster.DownloadAsync(queued.ObjectKey)));
    }

    private static Task<string> FormatTagsAsync(string path) =>
        MediaSamples.RunAsync("ffprobe", "-v", "error", "-show_entries", "format_tags", "-of", "default=nw=1", path);

    [Fact]
    public async Task Voice_note_gets_its_duration_and_waveform()
    {
        var (owner, device) = await ConnectOwnerAsync();
        var queued = await cluster.QueueAsync(owner.UserId, await Samples.VoiceNoteAsync(), "audio/ogg", "audio");

        var processed = await NextFileProcessedAsync(device, queued.FileId);

        var media = processed.GetProperty("media");
        Assert.InRange(media.GetProperty("durationMs").GetInt64(), 1400, 1600);
        var waveform = media.GetProperty("waveform").EnumerateArray().Select(level => level.GetInt32()).ToList();
        Assert.Equal(64, waveform.Count);
        Assert.Equal(255, waveform.Max());
        Assert.Empty(Previews(processed));
    }

    [Fact]
    public async Task Pdf_gets_a_first_page_thumbnail()
    {
        var (owner, device) = await ConnectOwnerAsync();
        var queued = await cluster.QueueAsync(owner.UserId, Samples.Pdf(), "application/pdf", "document");

        var processed = await NextFileProcessedAsync(device, queued.FileId);

        Assert.Equal(1, processed.GetProperty("media").GetProperty("pages").GetInt32());
        using var page = Image.NewFromFile(await cluster.DownloadAsync($"files/{queued.FileId}/320"));
        Assert.Equal((240, 320), (page.Width, page.Height));
        Assert.Null((await cluster.ReadFileAsync(queued.FileId)).CleanKey);
    }

    [Fact]
    public async Task Corrupt_file_is_retried_then_ready_without_previews()
    {
        var (owner, device) = await ConnectOwnerAsync();
        var queued = await cluster.QueueAsync(owner.UserId, Samples.CorruptJpeg(), "image/jpeg", "image");

        // What this shows is the queue's outcome, which is stored; the event is best-effort (a lost one costs
        // the owner a fetch) and FileProcessed_goes_to_the_owner_only is its test. One CI run of five lost it here.
        await GivenUpAsync(device, queued.FileId);

        var row = await cluster.ReadFileAsync(queued.FileId);
        Assert.Empty(row.Previews);
        Assert.Equal(("ready", null), (row.Status, row.CleanKey));
        var retries = CapturedLogs.Shared.Lines.Count(line => line.Contains($"of {queued.FileId} failed (attempt", StringComparison.Ordinal));
        Assert.Equal(new PreviewOptions().PreviewMaxAttempts - 1, retries);
        Assert.Contains(CapturedLogs.Shared.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains($"Gave up the preview previews of {queued.FileId}", StringComparison.Ordinal));
        await AssertJobGoneAsync(queued.FileId);
    }

    [Fact]
    public async Task Two_silos_share_the_queue_and_never_run_a_job_twice()
    {
        var (owner, device) = await ConnectOwnerAsync();
        var png = Samples.PngWithoutMetadata();
        var queued = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            queued.Add((await cluster.QueueAsync(owner.UserId, png, "image/png", "image")).FileId);
        }

        var seen = new List<Guid>();
        while (seen.Count < queued.Count)
        {
            seen.Add((await device.NextEventAsync("FileProcessed", Processing)).GetProperty("fileId").GetGuid());
        }

        Assert.Equal(queued.Order(), seen.Order());
        foreach (var fileId in queued)
        {
            Assert.Single(CapturedLogs.Shared.Lines, line => line.Contains($"Previews of {fileId} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_dead_silos_lapsed_lease_is_taken_over_and_a_live_lease_is_left_alone()
    {
        var (owner, device) = await ConnectOwnerAsync();
        var png = Samples.PngWithoutMetadata();
        var lapsed = await cluster.QueueAsync(owner.UserId, png, "image/png", "image", queueJob: false);
        var held = await cluster.QueueAsync(owner.UserId, png, "image/png", "image", queueJob: false);
        await using (var command = cluster.Database.CreateCommand("""
            INSERT INTO file_preview_jobs (file_id, attempts, leased_until, lease_id)
            VALUES ($1, 1, now() - interval '1 second', gen_random_uuid()), ($2, 1, now() + interval '1 hour', gen_random_uuid())
            """))
        {
            command.Parameters.AddWithValue(lapsed.FileId);
            command.Parameters.AddWithValue(held.FileId);
            await command.ExecuteNonQueryAsync();
        }

        await NextFileProcessedAsync(device, lapsed.FileId);

        Assert.Equal("processing", (await cluster.ReadFileAsync(held.FileId)).Status);
        await using var attempts = cluster.Database.CreateCommand("SELECT attempts FROM file_preview_jobs WHERE file_id = $1");
        attempts.Parameters.AddWithValue(held.FileId);
        Assert.Equal(1, await attempts.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Job_of_a_deleted_file_is_dropped_without_previews()
    {
        var (owner, device) = await ConnectOwnerAsync();
        var deleted = await cluster.QueueAsync(owner.UserId, Samples.PngWithoutMetadata(), "image/png", "image", queueJob: false);
        var alive = await cluster.QueueAsync(owner.UserId, Samples.PngWithoutMetadata(), "image/png", "image", queueJob: false);
        await using (var command = cluster.Database.CreateCommand("""
            WITH gone AS (UPDATE files SET deleted_at = now() WHERE file_id = $1)
            INSERT INTO file_preview_jobs (file_id, run_after) VALUES ($1, now() - interval '1 minute'), ($2, now())
            """))
        {
            command.Parameters.AddWithValue(deleted.FileId);
            command.Parameters.AddWithValue(alive.FileId);
            await command.ExecuteNonQueryAsync();
        }

        // Leased oldest first, so by the time the live file's event arrives the deleted one's job was run.
        await NextFileProcessedAsync(device, alive.FileId);

        await AssertJobGoneAsync(deleted.FileId);
        Assert.Equal("processing", (await cluster.ReadFileAsync(deleted.FileId)).Status);
        Assert.Null(await cluster.Store.GetSizeAsync($"files/{deleted.FileId}/320"));
        Assert.False(device.TryTakeEvent("FileProcessed", out _));
    }

    [Fact]
    public async Task FileProcessed_goes_to_the_owner_only()
    {
        var (owner, device) = await ConnectOwnerAsync();
        var stranger = await TestUser.RegisterAsync(cluster.Second.Http);
        await using var strangerDevice = await ChatConnection.ConnectAsync(cluster.Second.Address, stranger);
        var queued = await cluster.QueueAsync(owner.UserId, Samples.PngWithoutMetadata(), "image/png", "image");

        var processed = await NextFileProcessedAsync(device, queued.FileId);

        Assert.Equal(owner.UserId, processed.GetProperty("ownerId").GetGuid());
        // The owner's event arrived; the stranger's Frontend relays in the same order, so any event for them would be here too.
        var strangerNote = await cluster.QueueAsync(stranger.UserId, Samples.PngWithoutMetadata(), "image/png", "image");
        Assert.Equal(strangerNote.FileId, (await strangerDevice.NextEventAsync("FileProcessed", Processing)).GetProperty("fileId").GetGuid());
    }

    [Fact]
    public async Task A_photo_uploaded_and_completed_through_the_api_gets_its_thumbnails_and_the_owner_is_told()
    {
        var (owner, device) = await ConnectOwnerAsync();
        var jpeg = await File.ReadAllBytesAsync(await Samples.JpegWithGpsAndOrientationAsync());
        var http = cluster.First.Http;
        var start = await (await http.SendAsync(owner, HttpMethod.Post, "/api/files", new { name = "beach.jpg", size = jpeg.Length, contentType = "image/jpeg", purpose = "message" })).JsonAsync();
        var fileId = start.GetProperty("fileId").GetGuid();
        using (var storage = new HttpClient())
        {
            var content = new ByteArrayContent(jpeg);
            content.Headers.ContentType = new("image/jpeg");
            (await storage.PutAsync(start.GetProperty("upload").GetProperty("url").GetString(), content)).EnsureSuccessStatusCode();
        }

        var complete = await http.SendAsync(owner, HttpMethod.Post, $"/api/files/{fileId}/complete", new { });
        Assert.Equal(System.Net.HttpStatusCode.OK, complete.StatusCode);

        var processed = await NextFileProcessedAsync(device, fileId);
        Assert.Equal(("ready", "image"), (processed.GetProperty("status").GetString(), processed.GetProperty("kind").GetString()));
        var thumbnail = new HttpRequestMessage(HttpMethod.Get, $"/api/files/{fileId}/thumbnail/320");
        thumbnail.Headers.Authorization = new("Bearer", owner.AccessToken);
        thumbnail.Headers.Accept.Add(new("application/json"));
        var url = (await (await http.SendAsync(thumbnail)).JsonAsync()).GetProperty("url").GetString();
        using var download = new HttpClient();
        using var small = Image.NewFromBuffer(await download.GetByteArrayAsync(url));
        Assert.Equal((213, 320), (small.Width, small.Height));
        var info = await (await http.SendAsync(owner, HttpMethod.Get, $"/api/files/{fileId}/info")).JsonAsync();
        Assert.Equal(400, info.GetProperty("media").GetProperty("width").GetInt32());
    }

    private async Task<(TestUser Owner, ChatConnection Device)> ConnectOwnerAsync()
    {
        var owner = await TestUser.RegisterAsync(cluster.First.Http);
        var device = await ChatConnection.ConnectAsync(cluster.First.Address, owner);
        _devices.Add(device);
        return (owner, device);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var device in _devices)
        {
            await device.DisposeAsync();
        }
    }

    private async Task<JsonElement> NextFileProcessedAsync(ChatConnection device, Guid fileId)
    {
        JsonElement processed;
        try
        {
            processed = await device.NextEventAsync("FileProcessed", Processing);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"no FileProcessed for {fileId}: file {await cluster.ReadFileAsync(fileId)}, job {await cluster.ReadJobAsync(fileId)}, logs:\n"
                + string.Join('\n', CapturedLogs.Shared.Lines.Where(line => line.Contains("Preview", StringComparison.OrdinalIgnoreCase)).TakeLast(20)));
            throw;
        }

        Assert.Equal(fileId, processed.GetProperty("fileId").GetGuid());
        return processed;
    }

    private static IReadOnlyList<string> Previews(JsonElement file) => [.. file.GetProperty("previews").EnumerateArray().Select(p => p.GetString()!)];

    /// <summary>Waits for the owner's FileProcessed or, failing it, for the job to be gone and the file ready.</summary>
    private async Task GivenUpAsync(ChatConnection device, Guid fileId)
    {
        using var deadline = new CancellationTokenSource(Processing);
        var processed = device.NextEventAsync("FileProcessed", Processing);
        while (!processed.IsCompleted && !deadline.IsCancellationRequested)
        {
            var row = await cluster.ReadFileAsync(fileId);
            if (row.Status == "ready" && await cluster.ReadJobAsync(fileId) == "(none)")
            {
                return;
            }

            await Task.WhenAny(processed, Task.Delay(200, CancellationToken.None));
        }

        Assert.Equal(fileId, (await processed).GetProperty("fileId").GetGuid());
    }

    private async Task AssertJobGoneAsync(Guid fileId)
    {
        await using var command = cluster.Database.CreateCommand("SELECT count(*) FROM file_preview_jobs WHERE file_id = $1");
        command.Parameters.AddWithValue(fileId);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }
}
