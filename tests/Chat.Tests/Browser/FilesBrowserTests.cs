using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// Files end to end in real browsers against the real object store: photos and a PDF dropped into a
/// chat reach the other person with thumbnails and a lightbox, the PDF downloads byte for byte, a
/// voice note recorded with the fake microphone plays on the other side, a cancelled upload gives
/// its quota back, and a file the server refuses says why.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FilesBrowserTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.CloseContextsAsync([.. _pages]);

    [Fact]
    public async Task Two_photos_and_a_PDF_dropped_into_a_chat_show_thumbnails_a_lightbox_and_download_byte_identical_on_the_other_side()
    {
        var (alice, bob, _) = await TwoPeopleInADirectChatAsync(aliceWithMicrophone: false);
        var first = await JpegAsync("testsrc", 640, 480);
        var second = await JpegAsync("smptebars", 480, 640);
        var pdf = Pdf("Quarterly report");
        await ChatPage.RunAsync([alice, bob], async () =>
        {
            await alice.DropFilesAsync(
                new("beach.jpg", "image/jpeg", first),
                new("mountain.jpg", "image/jpeg", second),
                new("report.pdf", "application/pdf", pdf));
            await Expect(alice.ByTestId("pending-attachment")).ToHaveCountAsync(3);
            await alice.ByTestId("composer-send").ClickAsync();

            // Each file goes once it is uploaded and processed: an album of the two photos, then the document.
            await Expect(alice.ByTestId("pending-attachment")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
            await Expect(alice.OwnMessages).ToHaveCountAsync(2);
            await Expect(alice.OwnMessages.Last).ToHaveAttributeAsync("data-status", new Regex("^(sent|delivered|read)$"));

            // Bob sees them arrive without a reload: two thumbnails in one album, and the PDF's card.
            var album = bob.Messages.Filter(new() { Has = bob.Page.GetByTestId("media-grid") });
            await Expect(album).ToHaveCountAsync(1, new() { Timeout = 20_000 });
            var thumbs = album.GetByTestId("media-thumb");
            await Expect(thumbs).ToHaveCountAsync(2);
            await Expect(thumbs.Nth(0)).ToHaveAttributeAsync("data-loaded", "true", new() { Timeout = 20_000 });
            await Expect(thumbs.Nth(1)).ToHaveAttributeAsync("data-loaded", "true", new() { Timeout = 20_000 });
            await ExpectImageDecodedAsync(thumbs.Nth(0).GetByTestId("media-thumb-image"));
            var card = bob.ByTestId("document-card");
            await Expect(card.GetByTestId("document-name")).ToHaveTextAsync("report.pdf");
            await bob.ScreenshotAsync("files-album.png");

            // The lightbox: opens on the first photo, the arrow key goes to the second, Escape closes and focus returns.
            await thumbs.Nth(0).ClickAsync();
            var lightbox = bob.ByTestId("lightbox");
            await Expect(lightbox).ToBeVisibleAsync();
            await Expect(lightbox).ToHaveAttributeAsync("data-index", "0");
            await ExpectImageDecodedAsync(lightbox.GetByTestId("lightbox-image"));
            await bob.Page.Keyboard.PressAsync("ArrowRight");
            await Expect(lightbox).ToHaveAttributeAsync("data-index", "1");
            await ExpectImageDecodedAsync(lightbox.GetByTestId("lightbox-image"));
            await bob.Page.Keyboard.PressAsync("Escape");
            await Expect(lightbox).ToHaveCountAsync(0);
            await Expect(thumbs.Nth(0)).ToBeFocusedAsync();

            // The PDF downloads from storage exactly as Alice had it.
            var download = await bob.Page.RunAndWaitForDownloadAsync(() => card.GetByTestId("document-download").ClickAsync());
            var path = await download.PathAsync();
            Assert.Equal(pdf, await File.ReadAllBytesAsync(path));
            Assert.Equal("report.pdf", download.SuggestedFilename);

            // The conversation's Files tab lists the photos and the document.
            await bob.ByTestId("members-toggle").ClickAsync();
            await bob.ByTestId("panel-files").ClickAsync();
            await Expect(bob.ByTestId("conversation-files").GetByTestId("media-thumb")).ToHaveCountAsync(2);
            await bob.ByTestId("files-tab-documents").ClickAsync();
            await Expect(bob.ByTestId("conversation-files").GetByTestId("document-name")).ToHaveTextAsync("report.pdf");
        });
    }

    [Fact]
    public async Task A_voice_note_recorded_with_the_fake_microphone_plays_on_the_other_side()
    {
        var (alice, bob, _) = await TwoPeopleInADirectChatAsync(aliceWithMicrophone: true);
        await ChatPage.RunAsync([alice, bob], async () =>
        {
            await alice.ByTestId("composer-record").ClickAsync();
            await Expect(alice.ByTestId("voice-recording")).ToBeVisibleAsync();
            // Two seconds of the fake microphone's beeps, as the indicator counts them.
            await Expect(alice.ByTestId("recording-elapsed")).ToHaveTextAsync("0:02", new() { Timeout = 10_000 });
            await alice.ByTestId("record-send").ClickAsync();
            await Expect(alice.ByTestId("voice-recording")).ToHaveCountAsync(0);

            var note = bob.Messages.Filter(new() { Has = bob.Page.Locator("[data-testid='audio-player'][data-voice='true']") });
            await Expect(note).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            // The server's waveform came with the message (the client waited for FileProcessed before sending).
            await Expect(note.GetByTestId("waveform")).ToHaveAttributeAsync("data-levels", "64");
            await Expect(note.GetByTestId("waveform").Locator(".waveform-bar")).ToHaveCountAsync(64);
            var toggle = note.GetByTestId("audio-toggle");
            await Expect(toggle).ToBeEnabledAsync();
            await toggle.ClickAsync();
            var audio = await note.GetByTestId("audio-element").ElementHandleAsync();
            // It plays: its clock moves (or it reached the end).
            await bob.Page.WaitForFunctionAsync("a => a.ended || a.currentTime > 0.5", audio, new() { Timeout = 15_000 });
        });
    }

    [Fact]
    public async Task A_cancelled_upload_gives_back_its_quota_and_a_refused_file_shows_the_servers_reason()
    {
        var aliceUser = await TestUser.RegisterAsync(fixture.First.Http);
        var bobUser = await TestUser.RegisterAsync(fixture.First.Http);
        var conversation = await ConversationApi.CreateAsync(fixture.First.Http, aliceUser, "direct", null, bobUser);
        var alice = new ChatPage(await NewPageAsync(fixture.First), "alice");
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
        var reason = await RefusalDetailAsync(aliceUser, "page.png", "image/png", html);
        await ChatPage.RunAsync([alice], async () =>
        {
            await alice.LogInAsync(aliceUser.Username, aliceUser.Username);
            await alice.ConversationItem(conversation.ConversationId.ToString()).ClickAsync();

            // Storage holds the upload's bytes until the test lets go, so the cancel lands mid-upload.
            var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await alice.Page.RouteAsync(url => url.Contains("X-Amz-Signature", StringComparison.Ordinal), async route =>
            {
                held.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(20));
                try
                {
                    await route.AbortAsync();
                }
                catch (PlaywrightException)
                {
                    // The page aborted the request first.
                }
            });
            await alice.DropFilesAsync(new ChatPage.DroppedFile("big.bin", "application/octet-stream", new byte[3 * 1024 * 1024]));
            await held.Task.WaitAsync(TimeSpan.FromSeconds(15));
            var pending = alice.ByTestId("pending-attachment");
            await Expect(pending).ToHaveAttributeAsync("data-state", "uploading");
            Assert.True((await StorageAsync(aliceUser)).GetProperty("reservedBytes").GetInt64() >= 3 * 1024 * 1024);
            await pending.GetByTestId("pending-cancel").ClickAsync();
            await Expect(pending).ToHaveCountAsync(0);
            await UntilNothingReservedAsync(aliceUser);
            await alice.Page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });

            // An HTML page named .png: the server sniffs it, refuses it, and the tray says what it said.
            await alice.DropFilesAsync(new ChatPage.DroppedFile("page.png", "image/png", html));
            await Expect(pending).ToHaveAttributeAsync("data-state", "failed", new() { Timeout = 20_000 });
            await Expect(pending.GetByTestId("pending-state")).ToHaveTextAsync(reason);
            await Expect(pending.GetByTestId("pending-retry")).ToBeVisibleAsync();
            await pending.GetByTestId("pending-cancel").ClickAsync();
            await Expect(pending).ToHaveCountAsync(0);
            await Expect(alice.Messages).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task A_profile_photo_is_cropped_to_a_512_pixel_square_uploaded_and_shown()
    {
        var user = await TestUser.RegisterAsync(fixture.First.Http);
        var alice = new ChatPage(await NewPageAsync(fixture.First), "alice");
        var photo = await JpegAsync("testsrc", 800, 500);
        await ChatPage.RunAsync([alice], async () =>
        {
            await alice.LogInAsync(user.Username, user.Username);
            await alice.OpenSettingsAsync();
            await alice.ByTestId("profile-avatar-input").SetInputFilesAsync(new FilePayload { Name = "me.jpg", MimeType = "image/jpeg", Buffer = photo });
            var cropper = alice.ByTestId("avatar-cropper");
            await Expect(cropper).ToBeVisibleAsync();
            // Zoomed in and moved with the keyboard, then used.
            await alice.ByTestId("avatar-zoom").FillAsync("2");
            await alice.ByTestId("avatar-crop-canvas").FocusAsync();
            await alice.Page.Keyboard.PressAsync("ArrowRight");
            await alice.ByTestId("avatar-crop-save").ClickAsync();
            await Expect(cropper).ToHaveCountAsync(0);
            await Expect(alice.ByTestId("profile-avatar").GetByTestId("avatar-image")).ToBeVisibleAsync(new() { Timeout = 20_000 });

            var profile = await GetJsonAsync(user, "/api/users/me/profile");
            var fileId = profile.GetProperty("avatarFileId").GetString();
            var info = await GetJsonAsync(user, $"/api/files/{fileId}/info");
            Assert.Equal("avatar", info.GetProperty("purpose").GetString());
            Assert.Equal("image/jpeg", info.GetProperty("contentType").GetString());
            Assert.Equal(512, info.GetProperty("media").GetProperty("width").GetInt32());
            Assert.Equal(512, info.GetProperty("media").GetProperty("height").GetInt32());
        });
    }

    [Fact]
    public async Task A_group_photo_set_by_its_owner_shows_for_the_other_member_without_reload()
    {
        var ownerUser = await TestUser.RegisterAsync(fixture.First.Http);
        var memberUser = await TestUser.RegisterAsync(fixture.First.Http);
        var group = await ConversationApi.CreateAsync(fixture.First.Http, ownerUser, "group", "Photo club", memberUser);
        var id = group.ConversationId.ToString();
        var owner = new ChatPage(await NewPageAsync(fixture.First), "owner");
        var member = new ChatPage(await NewPageAsync(fixture.Second), "member");
        var photo = await JpegAsync("testsrc", 600, 600);
        await ChatPage.RunAsync([owner, member], async () =>
        {
            await owner.LogInAsync(ownerUser.Username, ownerUser.Username);
            await member.LogInAsync(memberUser.Username, memberUser.Username);
            await owner.ConversationItem(id).ClickAsync();
            await owner.ByTestId("members-toggle").ClickAsync();
            await owner.ByTestId("group-avatar-input").SetInputFilesAsync(new FilePayload { Name = "club.jpg", MimeType = "image/jpeg", Buffer = photo });
            await owner.ByTestId("avatar-crop-save").ClickAsync();
            await Expect(owner.ByTestId("group-avatar").GetByTestId("avatar-image")).ToBeVisibleAsync(new() { Timeout = 20_000 });

            // ConversationUpdated carries the new avatar to the member's list.
            await Expect(member.ConversationItem(id).GetByTestId("avatar-image")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        });
    }

    private async Task<(ChatPage Alice, ChatPage Bob, string ConversationId)> TwoPeopleInADirectChatAsync(bool aliceWithMicrophone)
    {
        var aliceUser = await TestUser.RegisterAsync(fixture.First.Http, displayName: "Alice");
        var bobUser = await TestUser.RegisterAsync(fixture.First.Http, displayName: "Bob");
        var conversation = await ConversationApi.CreateAsync(fixture.First.Http, aliceUser, "direct", null, bobUser);
        var id = conversation.ConversationId.ToString();
        // Bob knows Alice: her chat is no message request (which would show its bar instead of the composer).
        (await fixture.First.Http.SendAsync(bobUser.Request(HttpMethod.Post, $"/api/conversations/{id}/request/accept"))).EnsureSuccessStatusCode();
        var alicePage = aliceWithMicrophone ? await fixture.NewCallPageAsync(fixture.First) : await NewPageAsync(fixture.First);
        _pages.Add(alicePage);
        var alice = new ChatPage(alicePage, "alice");
        var bob = new ChatPage(await NewPageAsync(fixture.Second), "bob");
        await alice.LogInAsync(aliceUser.Username, "Alice");
        await bob.LogInAsync(bobUser.Username, "Bob");
        await alice.ConversationItem(id).ClickAsync();
        await Expect(bob.ConversationItem(id)).ToBeVisibleAsync();
        await bob.ConversationItem(id).ClickAsync();
        return (alice, bob, id);
    }

    private async Task<IPage> NewPageAsync(TestFrontend frontend)
    {
        var page = await fixture.NewPageAsync(frontend, new BrowserNewContextOptions { AcceptDownloads = true });
        _pages.Add(page);
        return page;
    }

    /// <summary>The picture's pixels arrived and decoded (not just an element with a URL).</summary>
    private static async Task ExpectImageDecodedAsync(ILocator image)
    {
        await Expect(image).ToBeVisibleAsync();
        await image.Page.WaitForFunctionAsync("i => i.complete && i.naturalWidth > 0", await image.ElementHandleAsync());
    }

    private Task<JsonElement> StorageAsync(TestUser user) => GetJsonAsync(user, "/api/users/me/storage");

    private async Task<JsonElement> GetJsonAsync(TestUser user, string path)
    {
        var response = await fixture.First.Http.SendAsync(user.Request(HttpMethod.Get, path));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The cancel's DELETE releases the reservation; it runs after the tray forgets the file, so it is polled.</summary>
    private async Task UntilNothingReservedAsync(TestUser user)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        long reserved;
        while ((reserved = (await StorageAsync(user)).GetProperty("reservedBytes").GetInt64()) != 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"still {reserved} bytes reserved after the cancel");
            await Task.Delay(200);
        }
    }

    /// <summary>What the server says, through the API, when these bytes are uploaded under this name and type.</summary>
    private async Task<string> RefusalDetailAsync(TestUser user, string name, string contentType, byte[] bytes)
    {
        var created = await fixture.First.Http.SendAsync(user.Request(HttpMethod.Post, "/api/files",
            new { name, size = bytes.Length, contentType, purpose = "message" }));
        created.EnsureSuccessStatusCode();
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var upload = body.GetProperty("upload");
        using var put = new HttpRequestMessage(HttpMethod.Put, upload.GetProperty("url").GetString()) { Content = new ByteArrayContent(bytes) };
        if (upload.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headers.EnumerateObject())
            {
                if (!put.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString()))
                {
                    put.Content.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
                }
            }
        }

        using var storage = new HttpClient();
        (await storage.SendAsync(put)).EnsureSuccessStatusCode();
        var fileId = body.GetProperty("fileId").GetString();
        var completed = await fixture.First.Http.SendAsync(user.Request(HttpMethod.Post, $"/api/files/{fileId}/complete", new { }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, completed.StatusCode);
        var problem = await completed.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("detail").GetString()!;
    }

    /// <summary>A JPEG of one of ffmpeg's test patterns (the previews use Debian's ffmpeg too).</summary>
    private static async Task<byte[]> JpegAsync(string pattern, int width, int height)
    {
        var start = new ProcessStartInfo("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", $"{pattern}=size={width}x{height}:rate=1",
            "-frames:v", "1", "-f", "image2pipe", "-vcodec", "mjpeg", "pipe:1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var jpeg = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(jpeg);
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await copy;
        Assert.True(process.ExitCode == 0, $"ffmpeg failed: {await errors}");
        return jpeg.ToArray();
    }

    /// <summary>A one-page PDF with a line of text, its cross-reference offsets counted exactly.</summary>
    private static byte[] Pdf(string text)
    {
        var content = $"BT /F1 24 Tf 40 100 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
